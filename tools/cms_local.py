"""`invoke cms`: Decap's local backend (decap-server, from npm) on the working copy, and the site with /admin/.

No GitHub account is needed: decap-server writes the files straight into content/ (its `fs` mode),
and the usual checks and git commit follow. Tests start the same server on a scratch copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


class BackendMissing(RuntimeError):
    """decap-server is not installed (`npm ci` has not run)."""


def start_backend(repo: Path, port: int, log=subprocess.DEVNULL) -> subprocess.Popen:
    """decap-server serving `repo` on 127.0.0.1:port; returns once it answers."""
    if not SERVER.is_file():
        raise BackendMissing(
            "decap-server がありません。`npm ci` を実行してください（`make test` と `make cms` でも入ります）"
        )
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(repo)}
    process = subprocess.Popen(["node", str(SERVER)], env=env, stdout=log, stderr=log, cwd=repo)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped (exit {process.returncode})")
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1",
                data=b'{"action":"info"}',
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=2):
                return process
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("decap-server did not answer within 20 s")


def run(root: Path, output: Path, port: int, backend_port: int) -> None:
    """Backend plus a rebuilding preview server, until Ctrl+C."""
    from livereload import Server

    from tools import site_build

    try:
        backend = start_backend(root, backend_port, log=None)
    except BackendMissing as exc:
        raise SystemExit(str(exc)) from None

    def rebuild():
        print(site_build.preview_build("pelicanconf.py", output), file=sys.stderr)

    try:
        rebuild()
        print(f"http://localhost:{port}/admin/ で編集画面を開いてください（Ctrl+C で終了）", file=sys.stderr)
        server = Server()
        for pattern in ("content/**/*", "theme/**/*", "admin/config.yml"):
            server.watch(pattern, rebuild)
        server.serve(host="127.0.0.1", port=port, root=str(output))
    finally:
        backend.terminate()
        backend.wait(timeout=10)

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
    """Backend plus the built site on http://localhost:port, until Ctrl+C.

    The site is built once (`/admin/` is written by the build); to see saved pages as residents will,
    run `invoke livereload` on another port beside it, or `invoke build` again.
    """
    import functools
    import http.server

    from tools import site_build
    from ward_content.errors import ContentErrors

    try:
        site_build.build("pelicanconf.py", output)
    except ContentErrors as exc:
        # The editor still works on files with problems; the messages say which to fix.
        site_build.print_errors(exc.errors)
        if not (output / "admin" / "index.html").is_file():
            raise SystemExit(
                "サイトを作れなかったため、編集画面を表示できません。上のメッセージの問題を直してください。"
            ) from None
    try:
        backend = start_backend(root, backend_port, log=None)
    except BackendMissing as exc:
        raise SystemExit(str(exc)) from None
    from tools.preview_server import PortInUse, bind

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    try:
        try:
            server = bind(http.server.ThreadingHTTPServer, ("127.0.0.1", port), handler)
        except PortInUse as exc:
            raise SystemExit(str(exc)) from None
        with server:
            print(f"http://localhost:{port}/admin/ で編集画面を開いてください（Ctrl+C で終了）", file=sys.stderr)
            server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        backend.terminate()
        backend.wait(timeout=10)

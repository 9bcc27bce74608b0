"""`invoke livereload`: serves the in-memory preview, watches the files, reloads the browser, shows problems.

A saved Markdown file is read again alone and only the page the browser asks for is rendered
(tools/preview.py). Problems appear in the terminal and, over the last good page, in the browser.
Editing a plugin's Python code restarts this process, since Python cannot unload a module.
"""

from __future__ import annotations

import errno
import hashlib
import http.server
import json
import mimetypes
import os
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from tools.preview import PreviewSite
from tools.site_build import ROOT

STATE_PATH = "/__preview__/state"
CLIENT_PATH = "/__preview__/client.js"
CLIENT_JS = (ROOT / "tools" / "preview_client.js").read_bytes()
# Inserted before </body> of every HTML page served; `?raw` serves the page exactly as built.
CLIENT_TAG = f'<script src="{CLIENT_PATH}" defer></script>'.encode()
RESTART_SUFFIXES = (".py",)


def output_path_for(url_path: str) -> str:
    """`/news/a/` → `news/a/index.html`; the output-relative file a URL path names."""
    rel = unquote(url_path).lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel


def with_client(html: bytes) -> bytes:
    """The page with the preview's reload-and-problems script."""
    at = html.rfind(b"</body>")
    return html[:at] + CLIENT_TAG + html[at:] if at >= 0 else html + CLIENT_TAG


def problems_token(errors: tuple[str, ...]) -> str:
    """A short name for the problems on screen ("" when there are none)."""
    return hashlib.sha256("\n".join(errors).encode()).hexdigest()[:16] if errors else ""


def should_answer(version: int, errors: tuple[str, ...], after: int, shown: str | None) -> bool:
    """The long poll answers when the site changed since `after`, or when the browser does not show these
    problems yet (`shown`: the token it shows; None from the first poll). Answering whenever there were
    problems made a browser showing them ask again at once, in a loop, until they were fixed."""
    if version > after:
        return True
    return bool(errors) and problems_token(errors) != shown


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    """GET only: the state, the client script, and the site's files (pages rendered on demand)."""

    site: PreviewSite

    def log_message(self, format, *args) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == STATE_PATH:
            self._wait_for_change(parts.query)
            errors = self.site.errors
            state = {"version": self.site.version, "errors": list(errors), "problems": problems_token(errors)}
            body = json.dumps(state, ensure_ascii=False)
            return self._send(200, body.encode(), "application/json; charset=utf-8")
        if parts.path == CLIENT_PATH:
            return self._send(200, CLIENT_JS, "text/javascript; charset=utf-8")
        rel = output_path_for(parts.path)
        if ".." in Path(rel).parts:
            return self._send(404, b"not found", "text/plain")
        data = self._read(rel)
        if data is None and not rel.endswith("index.html") and self._read(rel + "/index.html") is not None:
            self.send_response(301)
            self.send_header("Location", parts.path + "/")
            self.end_headers()
            return None
        status = 200
        if data is None:
            status, rel = 404, "404.html"
            data = self._read(rel) or b"not found"
        kind = mimetypes.guess_type(rel)[0] or "application/octet-stream"
        if kind == "text/html" and "raw" not in parts.query:
            data = with_client(data)
        return self._send(status, data, kind + ("; charset=utf-8" if kind.startswith("text/") else ""))

    def _read(self, rel: str) -> bytes | None:
        """The file, or None when the name cannot be a file (too long for the file system, say)."""
        try:
            return self.site.read(rel)
        except OSError:
            return None

    def _wait_for_change(self, query: str, limit: float = 25.0) -> None:
        """Long poll: `?after=N&problems=T` answers as soon as the version passes N or problems other
        than those of token T appear."""
        values = parse_qs(query)
        after = (values.get("after") or [""])[0]
        # int() refuses "²" and numbers of thousands of digits, which str.isdigit() lets through.
        if not (after.isascii() and after.isdigit() and len(after) <= 18):
            return
        shown = (values.get("problems") or [None])[0]
        site = self.site
        with site.changed:
            site.changed.wait_for(lambda: should_answer(site.version, site.errors, int(after), shown), timeout=limit)

    def _send(self, status: int, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


class PreviewHTTPServer(http.server.ThreadingHTTPServer):
    """A closed or reloaded tab drops its waiting request: nothing to tell the staff member about (the
    standard server printed a traceback in the terminal where the preview's messages are read)."""

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class PortInUse(Exception):
    """The port is taken (a preview left running in another terminal, `make cms`): a Japanese message."""

    def __init__(self, port: int):
        super().__init__(
            f"ポート {port} はほかのプログラム（別のターミナルで動いているプレビューなど）が使っています。"
            f"そのターミナルで Ctrl と C を押して止めるか、--port {port + 1} のように別の番号を指定してください"
            " (port in use)"
        )


def bind(server_class, address: tuple[str, int], handler):
    """The server, or PortInUse instead of OSError's traceback."""
    try:
        return server_class(address, handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(address[1]) from None
        raise


def make_server(site: PreviewSite, host: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    """An HTTP server over the preview (port 0 picks a free one)."""
    handler = type("BoundPreviewHandler", (PreviewHandler,), {"site": site})
    server = bind(PreviewHTTPServer, (host, port), handler)
    server.daemon_threads = True
    return server


def watched_roots(site: PreviewSite) -> list[Path]:
    """The content folder, the theme, the plugins and the settings files."""
    return [site.root, ROOT / "theme", ROOT / "plugins", ROOT / "pelicanconf.py"]


def watch(site: PreviewSite, report, stop: threading.Event) -> None:
    """Apply every batch of changes; a plugin's Python file restarts the process."""
    from watchfiles import watch as watch_files

    roots = [str(p) for p in watched_roots(site) if p.exists()]
    for changes in watch_files(*roots, debounce=30, step=10, stop_event=stop, yield_on_timeout=False):
        paths = {Path(path) for _change, path in changes}
        if any(p.suffix in RESTART_SUFFIXES and (p.is_relative_to(ROOT / "plugins") or p.name == "pelicanconf.py")
               for p in paths):  # fmt: skip
            report("プラグインのプログラムが変わったので、プレビューを起動し直します。")
            os.execv(sys.executable, [sys.executable, *sys.argv])
        started = time.perf_counter()
        problems = site.refresh(paths)
        elapsed = (time.perf_counter() - started) * 1000
        if problems:
            report(
                "\n".join([*problems, "問題を直して保存すると、もう一度作り直します。表示は前回の正しい版のままです。"])
            )
        else:
            names = "、".join(sorted(p.name for p in paths))
            report(f"更新しました（{names}、{elapsed:.0f} ミリ秒）")


def local_addresses() -> list[str]:
    """This machine's LAN addresses, so staff can open the preview on a phone on the same network."""
    import socket

    found = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    return sorted(a for a in found if not a.startswith("127."))


def serve(host: str = "127.0.0.1", port: int = 8000, report=print) -> None:
    """Run the preview until Ctrl+C."""
    site = PreviewSite()
    site.clear_output()
    problems = site.refresh()
    if problems:
        report("\n".join(problems))
    server = make_server(site, host, port)
    stop = threading.Event()
    threading.Thread(target=watch, args=(site, report, stop), daemon=True).start()
    report(f"http://localhost:{server.server_address[1]}/ でプレビューしています（Ctrl+C で終了）")
    if host not in ("127.0.0.1", "localhost"):
        for address in local_addresses():
            report(f"同じネットワークのスマートフォンからは http://{address}:{server.server_address[1]}/ を開きます")
    report("サイト内検索の索引はプレビューでは作り直しません（invoke build で作ります）。")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()

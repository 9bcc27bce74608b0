"""The preview answers requests no browser makes on its own (a page's script, a typo) without dropping them."""

from __future__ import annotations

import http.client
import threading

import pytest
from conftest import BUILD_DATE, article, write_files

from tools.preview import PreviewSite
from tools.preview_server import make_server


@pytest.fixture
def base(tmp_path):
    content = write_files(tmp_path / "content", {"news/a.md": article()})
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, "SITE_SEARCH_INDEX": False}
    site = PreviewSite(output=tmp_path / "preview", overrides=overrides)
    assert site.refresh() == ()
    server = make_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _get(port: int, path: str) -> tuple[int, str | None]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/__preview__/state?after=" + "9" * 5000, (200, None)),  # int() refuses more than 4,300 digits
        ("/" + "a/" * 3000, (404, None)),  # a name longer than the file system allows
    ],
    ids=["5000-digit-version", "too-long-path"],
)
def test_an_odd_request_gets_an_answer(base, path, expected):
    assert _get(base, path) == expected
    assert _get(base, "/news/a/")[0] == 200  # and the server still serves

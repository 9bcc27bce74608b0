"""Site-absolute links (`/reading/…/`) are checked against the site's pages by `invoke check` and the build."""

from __future__ import annotations

import pytest
from conftest import ROOT, article, build_site, check_tree, write_files

from ward_content.errors import ContentErrors

BODY = """本文です。

[読書のページ](/reading/)、[催し](/events/)、[史跡の地図](/history/map/)、[データ](/opendata/)、[検索](/search/)。
[キックオフ](/reading/kickoff/#a) と [募集要項](/files/boshu.pdf)、[予定表](/events/events.ics)、[新着](/feeds/events.atom.xml)。

[ない記事](/reading/no-such-page/)

<a href="/reading/kickof/">HTML で書いたリンク</a>

```
[コードの中](/not/checked/)
```

[下書きへ](/news/wip/)
"""
FILES = {
    "reading/kickoff.md": article("キックオフ"),
    "news/links.md": article("リンクの記事", body=BODY),
    "news/wip.md": article("下書き", status="draft"),
    "files/boshu.pdf": (ROOT / "tests/ward_content/corpus/files/boshu.pdf").read_bytes(),  # a real, blank PDF
}
EXPECTED = [
    "content/news/links.md:10: 本文: リンク先「/reading/no-such-page/」はこのサイトにありません。"
    "ページなら /フォルダ名/ファイル名/ の形です（.md は付けません） (link to unknown page)",
    "content/news/links.md:12: 本文: リンク先「/reading/kickof/」はこのサイトにありません。「/reading/kickoff/」ですか？"
    " (link to unknown page)",
    "content/news/links.md:18: 本文: リンク先「/news/wip/」は下書き（status: draft）の content/news/wip.md です。"
    "公開されないので、リンクを消すか、そのページを公開してから書いてください (link to a draft)",
]


def test_invoke_check_reports_each_dead_site_link_at_its_line(tmp_path):
    root = write_files(tmp_path / "content", FILES)
    assert [e.format() for e in check_tree(root).errors] == EXPECTED


def test_the_build_reports_the_same(tmp_path):
    with pytest.raises(ContentErrors) as caught:
        build_site(tmp_path, FILES)
    assert [e.format() for e in caught.value.errors] == EXPECTED


def test_links_to_pages_plugins_write_pass(tmp_path):
    from ward_content.site_links import known_urls

    root = write_files(tmp_path / "content", {k: v for k, v in FILES.items() if k != "news/links.md"})
    result = check_tree(root)
    types = result.content.types
    urls = known_urls(result.documents, types.kinds, root, types.data_checks)
    expected = ("", "reading/", "events/", "events/past/", "history/map/", "bulletins/", "opendata/", "search/")
    for url in (*expected, "bousai/hinan/", "bousai/hinan/jishin/", "emergency/"):
        assert url in urls
    assert "reading/kickoff/" in urls and "files/boshu.pdf" in urls and "news/wip/" not in urls

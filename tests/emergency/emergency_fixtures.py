"""A tiny site with and without content/emergency.md."""

from conftest import article

NOTICE = """---
level: 緊急
title: 区内の地域防災拠点を開設しました
issued: 2026-11-28 06:10
summary: 震度5強の地震を観測したため、区内の地域防災拠点を開設しました。自宅で生活できない方は最寄りの拠点へ。
---
本日6時ごろ、横浜市で震度5強の揺れを観測しました。

- 地域防災拠点は区内の小・中学校です。
- 飲料水と食料は最小限です。持ち出せる方は持参してください。
"""

BASE = {
    "news/oshirase.md": article("お知らせの記事"),
    "pages/about.md": "---\ntitle: このサイトについて\norder: 1\n---\nサイトの説明です。\n",
}


def with_notice(text: str = NOTICE) -> dict[str, str]:
    return {**BASE, "emergency.md": text}

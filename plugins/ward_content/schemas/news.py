"""Articles: news and every section's ordinary pages (読書, 子育て, 健康, 防災, 区役所, 歴史)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ward_content.kinds import Kind

from .base import Contact, Image, JpDate, JpDateTime, Slug, Text, WardModel


class ArticleMeta(WardModel):
    """Front matter of an article."""

    title: Text = Field(description="記事の題名", examples=["金沢まつり花火大会を開催します"])
    date: JpDateTime = Field(description="公開日（例: 2026-08-01）", examples=["2026-08-01"])
    modified: JpDate | None = Field(None, description="最終更新日。内容を直したときに書きます", examples=["2026-08-10"])
    slug: Slug | None = Field(
        None, description="URL に使う英数字名。省略するとファイル名になります", examples=["hanabi"]
    )
    summary: Text | None = Field(
        None,
        description="一覧に出す要約（120字程度）。省略すると本文の最初から自動で作ります",
        examples=["今年も海の公園で開催します。"],
    )
    status: Literal["published", "draft"] = Field(
        "published", description="published（公開）または draft（下書き、公開しない）", examples=["draft"]
    )
    tags: list[Text] = Field(default_factory=list, description="キーワード（複数可）", examples=[["花火", "夏"]])
    image: Image | None = Field(
        None,
        description="記事の写真（src と alt）",
        examples=[{"src": "images/hanabi.jpg", "alt": "海の公園の上に上がる花火"}],
    )
    contact: Contact | None = Field(
        None,
        description="このページへのお問合せ先。省略すると区役所の代表が出ます",
        examples=[{"department": "金沢区総務部区政推進課広報相談係"}],
    )


SECTION_FOLDERS = ("news", "reading", "kosodate", "health", "bousai", "office", "history")


def section_urls(documents) -> tuple[str, ...]:
    """Each section's landing page and Atom feed (written whatever the articles)."""
    return tuple(url for folder in SECTION_FOLDERS for url in (f"{folder}/", f"feeds/{folder}.atom.xml"))


KIND = Kind(
    name="news",
    label="記事（お知らせ・各分野）",
    folders=SECTION_FOLDERS,
    schema=ArticleMeta,
    url="{folder}/{slug}/",
    site_urls=section_urls,
)

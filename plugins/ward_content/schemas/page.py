"""Fixed pages: the ward's goals, accessibility policy, privacy, about this site."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ward_content.kinds import Kind

from .base import Contact, JpDate, Slug, Text, WardModel


class PageMeta(WardModel):
    """Front matter of a fixed page."""

    title: Text = Field(description="ページの題名", examples=["ウェブアクセシビリティ方針"])
    slug: Slug | None = Field(
        None, description="URL に使う英数字名。省略するとファイル名になります", examples=["accessibility"]
    )
    modified: JpDate | None = Field(None, description="最終更新日", examples=["2026-04-01"])
    summary: Text | None = Field(
        None, description="一覧や検索結果に出す要約", examples=["金沢区ウェブサイトのアクセシビリティへの取組です。"]
    )
    status: Literal["published", "draft", "hidden"] = Field(
        "published", description="published（公開）、draft（下書き）、hidden（公開するがメニューに出さない）"
    )
    order: int = Field(100, description="フッターのリンクの並び順（小さいほど先）", examples=[10])
    contact: Contact | None = Field(
        None, description="このページへのお問合せ先", examples=[{"department": "金沢区総務部区政推進課"}]
    )


KIND = Kind(name="page", label="固定ページ", folders=("pages",), schema=PageMeta, url="{slug}/")

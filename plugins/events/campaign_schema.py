"""Campaigns (歯っぴい事業, 読書活動推進...): a period, an audience, partners; events name them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field

from ward_content.errors import ContentError
from ward_content.kinds import Kind
from ward_content.schemas.base import Contact, JpDate, Slug, Text, WardModel

from .event_schema import EVENT_SECTIONS, _section

if TYPE_CHECKING:
    from ward_content.document import Document


class CampaignMeta(WardModel):
    """Front matter of one campaign."""

    title: Text = Field(description="キャンペーン・事業の名前", examples=["働く世代も歯っぴい事業"])
    slug: Slug | None = Field(
        None, description="URL に使う英数字名。省略するとファイル名になります", examples=["happy-teeth"]
    )
    section: Annotated[str, AfterValidator(_section)] = Field(
        description="分類: " + ", ".join(f"{k}（{v}）" for k, v in EVENT_SECTIONS.items()),
        examples=["health"],
        json_schema_extra={"cms": {"choices": EVENT_SECTIONS}},
    )
    start: JpDate = Field(description="実施期間の始まり", examples=["2026-04-01"])
    end: JpDate = Field(description="実施期間の終わり", examples=["2027-03-31"])
    summary: Text | None = Field(
        None, description="一覧に出す説明（120字程度）", examples=["歯と口の健康を見直す機会です。"]
    )
    audience: Text | None = Field(None, description="対象", examples=["区内の事業所で働く方"])
    partners: list[Text] = Field(
        default_factory=list, description="連携・協力する団体（複数可）", examples=[["金沢区歯科医師会"]]
    )
    organizer: Text | None = Field(None, description="実施", examples=["金沢区福祉保健センター"])
    contact: Contact | None = Field(
        None, description="お問合せ先", examples=[{"department": "金沢区福祉保健センター福祉保健課"}]
    )
    status: Literal["published", "draft"] = Field(
        "published", description="published（公開）または draft（下書き、公開しない）", examples=["draft"]
    )


def check_campaigns(documents: Sequence[Document], everything: Sequence[Document] = ()) -> list[ContentError]:
    """The period runs forwards."""
    return [
        ContentError(
            doc.shown,
            doc.line_of("end"),
            "end",
            f"実施期間の終わり（{doc.meta.end}）が始まり（{doc.meta.start}）より前です。end を直してください",
            "campaign ends before it starts",
        )
        for doc in documents
        if doc.meta.end < doc.meta.start
    ]


KIND = Kind(
    name="campaign",
    label="キャンペーン・事業",
    folders=("campaigns",),
    schema=CampaignMeta,
    url="{folder}/{slug}/",
    collection_check=check_campaigns,
)

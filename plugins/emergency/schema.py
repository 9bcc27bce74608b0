"""The emergency notice's front matter (content/emergency.md) and its content type."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from ward_content.dates import to_datetime
from ward_content.errors import ContentError
from ward_content.kinds import Kind
from ward_content.schemas.base import JpDateTime, Text, WardModel, content_error

FILE_NAME = "emergency.md"
LEVELS = ("緊急", "警戒", "お知らせ")
# The Digital Agency's emergency banner: a title that fits two lines on a phone (about 30
# full-width characters) and a description of about 100, short enough to post in full on SNS.
TITLE_MAX = 30
SUMMARY_MAX = 100
# The notice page must stay under 30 KB for overloaded networks; the page around the body takes ~4 KB.
BODY_MAX_BYTES = 20_000


def _at_most(limit: int):
    def check(value: str) -> str:
        if len(value) > limit:
            raise content_error(
                "too_long",
                f"{len(value)}文字あります。{limit}文字以内にしてください（詳しい内容は本文に書きます）",
            )
        return value

    return check


def _timed(value: date | datetime) -> datetime:
    if not isinstance(value, datetime):
        raise content_error("time_missing", "時刻も書いてください（例: 2026-11-28 10:30）")
    return value


class EmergencyNotice(WardModel):
    """緊急情報: shown at the top of every page while the file exists and has not expired."""

    level: Literal["緊急", "警戒", "お知らせ"] = Field(
        description="重要度。緊急（命に関わる）、警戒（備えが必要）、お知らせ（復旧・運営情報など）のどれか",
        examples=["緊急"],
    )
    title: Annotated[Text, AfterValidator(_at_most(TITLE_MAX))] = Field(
        description=f"バナーの見出し（{TITLE_MAX}文字以内）。先頭の【緊急】などは自動で付きます",
        examples=["金沢区内の地域防災拠点を開設しました"],
    )
    issued: Annotated[JpDateTime, AfterValidator(_timed)] = Field(
        description="発表日時（例: 2026-11-28 10:30）", examples=["2026-11-28 10:30"]
    )
    updated: Annotated[JpDateTime, AfterValidator(_timed)] | None = Field(
        None, description="更新日時（更新したときだけ）", examples=["2026-11-28 12:00"]
    )
    expires: Annotated[JpDateTime, AfterValidator(_timed)] | None = Field(
        None,
        description="掲載終了日時（任意）。この日時を過ぎた後の最初の更新でバナーが消えます",
        examples=["2026-11-30 18:00"],
    )
    summary: Annotated[Text, AfterValidator(_at_most(SUMMARY_MAX))] = Field(
        description=f"バナーに出す短い説明（{SUMMARY_MAX}文字以内）。詳しくは本文に書きます",
        examples=["震度5強の地震を観測したため、区内26か所の地域防災拠点を開設しました。"],
    )

    @field_validator("expires")
    @classmethod
    def _after_issued(cls, value, info: ValidationInfo):
        # A field check, not a model one, so the message names the expires: line (it was line-less).
        issued = info.data.get("issued")
        if value is not None and issued is not None and to_datetime(value) <= to_datetime(issued):
            raise content_error(
                "expires before issued",
                f"掲載終了日時（{value:%Y-%m-%d %H:%M}）が発表日時（{issued:%Y-%m-%d %H:%M}）と同じか前です。"
                "発表日時より後の日時にしてください",
            )
        return value


def check_notices(documents: Sequence, everything: Sequence = ()) -> list[ContentError]:
    """Only content/emergency.md switches the mode on; any other file at the top is a mistake."""
    errors = []
    for doc in documents:
        if doc.rel_path != FILE_NAME:
            errors.append(
                ContentError(
                    doc.shown,
                    1,
                    "",
                    f"content/ の直下に置けるのは {FILE_NAME} だけです。名前を {FILE_NAME} にするか、記事のフォルダに移してください",
                    "only emergency.md may sit at the top of content/",
                )
            )
            continue
        body = doc.body
        if "![" in body or "<img" in body.lower():
            line = doc.front.body_line + next(
                i for i, text in enumerate(body.splitlines()) if "![" in text or "<img" in text.lower()
            )
            errors.append(
                ContentError(
                    doc.shown,
                    line,
                    "本文",
                    "緊急情報のページには画像を載せられません（回線が混んでいても開ける軽いページにするため）。文章で書いてください",
                    "image in the emergency notice",
                )
            )
        size = len(body.encode("utf-8"))
        if size > BODY_MAX_BYTES:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.front.body_line,
                    "本文",
                    f"本文が長すぎます（{size // 1000}KB）。{BODY_MAX_BYTES // 1000}KB（全角およそ6,500文字）以内にし、"
                    "詳しい内容は別の記事にしてリンクしてください",
                    "emergency notice body too large",
                )
            )
    return errors


# The file sits at the top of content/ (folder ""), so staff find it at once in a hurry.
KIND = Kind(
    name="emergency",
    label="緊急情報",
    folders=("",),
    schema=EmergencyNotice,
    url="emergency/",
    collection_check=check_notices,
    # The notice page is written even when no notice is in force; no page may take its URL.
    reserved_urls=("emergency/",),
    reserved_label="緊急情報",
)

"""Building blocks shared by every content schema: Japanese-aware dates, slugs, images, contacts."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from ..dates import DateFormatError, TimeFormatError, parse_date, parse_datetime, parse_time

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class WardModel(BaseModel):
    """Strict base: unknown fields are errors (with a suggestion), values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def content_error(code: str, message: str) -> PydanticCustomError:
    """A validation error whose type is an English code and whose message is staff-facing Japanese."""
    return PydanticCustomError(code, "{message}", {"message": message})


def _date(value: object) -> date:
    try:
        return parse_date(value)
    except DateFormatError as exc:
        raise content_error("invalid_date", str(exc)) from None


def _datetime(value: object) -> date | datetime:
    try:
        return parse_datetime(value)
    except TimeFormatError as exc:
        raise content_error("invalid_time", str(exc)) from None
    except DateFormatError as exc:
        raise content_error("invalid_date", str(exc)) from None


def _time(value: object) -> time:
    try:
        return parse_time(value)
    except DateFormatError as exc:
        raise content_error("invalid_time", str(exc)) from None


def _slug(value: str) -> str:
    if not SLUG_PATTERN.match(value):
        raise content_error(
            "invalid_slug",
            f"「{value}」は URL に使えません。半角の小文字英数字とハイフンだけで書いてください（例: kanazawa-matsuri）",
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise content_error("blank", "空欄にはできません。内容を書いてください")
    return value


# Dates are accepted in the forms staff commonly write and normalised; see docs/staff-guide.
JpDate = Annotated[date, BeforeValidator(_date), Field(json_schema_extra={"format_ja": "日付（例: 2026-08-29）"})]
JpDateTime = Annotated[
    date | datetime,
    BeforeValidator(_datetime),
    Field(json_schema_extra={"format_ja": "日付、または日付と時刻（例: 2026-08-29 19:00）"}),
]
JpTime = Annotated[time, BeforeValidator(_time), Field(json_schema_extra={"format_ja": "時刻（例: 19:00）"})]
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"format_ja": "半角小文字英数字とハイフン"})]
Text = Annotated[str, AfterValidator(_not_blank)]


def file_name_reference(code: str, what: str, folder: str, example: str):
    """A field naming another content file by its file name (an event's campaign, a site's related
    sites). Staff often write the other page's title instead (読書キャンペーン, 称名寺): the message says
    it is not a file name and where to find one, not that the value cannot be used in a URL."""

    def check(value: str) -> str:
        if not SLUG_PATTERN.match(value):
            raise content_error(
                code,
                f"「{value}」は{what}のファイル名ではありません。{folder} にあるファイル名"
                f"（.md を除く。例: {example}）を書いてください",
            )
        return value

    return Annotated[str, AfterValidator(check), Field(json_schema_extra={"format_ja": "半角小文字英数字とハイフン"})]


class Image(WardModel):
    """A picture in the page: the file and its alternative text for screen readers."""

    src: Text = Field(description="画像ファイルの場所（例: images/hanabi.jpg）")
    alt: Text = Field(description="画像の内容を説明する文（代替テキスト）。画像が見えない人に読み上げられます")


class Contact(WardModel):
    """「このページへのお問合せ」 block shown at the foot of a page."""

    department: Text = Field(description="担当の課・係（例: 金沢区総務部区政推進課広報相談係）")
    phone: str | None = Field(None, description="電話番号（例: 045-000-0000）")
    fax: str | None = Field(None, description="ファクス番号")
    email: str | None = Field(None, description="メールアドレス（お問合せフォームのURLでも可）")

"""History sites (史跡・文化財): one Markdown file per site in content/history/sites/, the body is the description.

Checks that need only the files run here, so `invoke check` reports them too: coordinates inside the
ward, both or neither coordinate, related sites that exist, image files that exist, no designation
date on an undesignated site, slugs that do not clash with the catalog's own pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field

from ward_content.errors import ContentError
from ward_content.kinds import Kind
from ward_content.schemas.base import Image, JpDate, Slug, Text, WardModel, content_error

from .settings import HistorySettings

if TYPE_CHECKING:
    from ward_content.document import Document


class Designation(StrEnum):
    """文化財の指定・登録の区分; the member name is the ASCII key used in URLs and ids."""

    kokuho = "国宝"
    kuni_juyo_bunkazai = "国指定重要文化財"
    kuni_shiseki = "国指定史跡"
    kuni_meisho = "国指定名勝"
    kuni_tennen_kinenbutsu = "国指定天然記念物"
    kuni_toroku = "国登録有形文化財"
    ken_juyo_bunkazai = "県指定重要文化財"
    ken_shiseki = "県指定史跡"
    ken_meisho = "県指定名勝"
    ken_minzoku = "県指定無形民俗文化財"
    shi_yukei = "市指定有形文化財"
    shi_shiseki = "市指定史跡"
    shi_meisho = "市指定名勝"
    shi_minzoku = "市指定無形民俗文化財"
    shi_toroku_yukei = "市登録地域有形文化財"
    shi_toroku_shiseki = "市登録地域史跡"
    mishitei = "未指定"


class Era(StrEnum):
    """Periods of Japanese history in order; the order is the catalog's 時代順."""

    jomon = "縄文時代"
    yayoi = "弥生時代"
    kofun = "古墳時代"
    asuka = "飛鳥時代"
    nara = "奈良時代"
    heian = "平安時代"
    kamakura = "鎌倉時代"
    nanbokucho = "南北朝時代"
    muromachi = "室町時代"
    azuchi_momoyama = "安土桃山時代"
    edo = "江戸時代"
    meiji = "明治時代"
    taisho = "大正時代"
    showa = "昭和時代"

    @property
    def order(self) -> int:
        """Position from the oldest period."""
        return list(Era).index(self)


class Category(StrEnum):
    """What kind of place or thing the site is."""

    jisha = "寺社"
    shiseki = "史跡"
    kenzobutsu = "建造物"
    iseki = "遺跡"
    meisho = "名勝"
    teien = "庭園"
    koen = "公園"
    hakubutsukan = "博物館"
    bijutsu = "美術工芸品"
    kinenhi = "記念碑"
    senso_iseki = "戦争遺跡"
    minzoku = "民俗"


# Fields whose value may be written but not yet confirmed; they are shown as 要確認, never as fact.
Confirmable = Literal[
    "reading", "name_en", "designation", "designation_note", "era", "era_note", "address", "coordinates", "access"
]

# The ward's area with a margin (WGS84): anything outside is a typo or a swapped latitude/longitude.
WARD_BOUNDS = {"south": 35.29, "north": 35.40, "west": 139.57, "east": 139.68}
# URLs under history/ that the catalog writes itself; a site may not take them as its slug.
RESERVED_SLUGS = frozenset({"gojuon", "designation", "era", "area", "map", "sites", "index"})
_KANA = re.compile(r"^[\u3041-\u309f\u30a0-\u30ff・（）()ー\s]+$")


def _kana(value: str) -> str:
    if not _KANA.match(value):
        raise content_error(
            "reading not kana",
            f"「{value}」: 読みはひらがなで書いてください（例: しょうみょうじ）。漢字や英字は使えません",
        )
    return value


def _in_ward(value: str) -> str:
    if not value.startswith("金沢区"):
        raise content_error(
            "address outside the ward",
            f"「{value}」: 所在地は「金沢区」から町名まで書いてください（例: 金沢区金沢町）",
        )
    return value


class Access(WardModel):
    """One way to get there: the nearest station and the walk from it."""

    station: Text = Field(description="最寄り駅（例: 金沢文庫駅）", examples=["金沢文庫駅"])
    walk_minutes: int | None = Field(
        None, ge=0, le=120, description="駅から歩いて何分か（幅があるときは短いほう）", examples=[12]
    )
    walk_minutes_max: int | None = Field(
        None, ge=0, le=120, description="歩く時間に幅があるときの長いほう（例: 5〜6分なら 6）", examples=[15]
    )
    approximate: bool = Field(False, description="「約」を付けるときは true", examples=[True])
    note: Text | None = Field(None, description="補足（出口、経路、バスの降り場など）", examples=["称名寺参道沿い"])


class HistorySiteMeta(WardModel):
    """Front matter of one history site; the body is its description."""

    name: Text = Field(description="名称", examples=["称名寺"])
    reading: Annotated[Text, AfterValidator(_kana)] = Field(
        description="名称の読み（ひらがな）。五十音順の並びとルビに使います", examples=["しょうみょうじ"]
    )
    name_en: Text | None = Field(None, description="英語の名称", examples=["Shomyo-ji Temple"])
    slug: Slug | None = Field(
        None, description="URL に使う英数字名。省略するとファイル名になります", examples=["shomyoji"]
    )
    designation: Designation = Field(description="文化財の指定・登録の区分", examples=["国指定史跡"])
    designation_note: Text | None = Field(
        None,
        description="指定の対象や補足（かっこ書きの部分。例: 舞楽面 陵王・抜頭）",
        examples=["舞楽面 陵王・抜頭"],
    )
    designated_on: JpDate | None = Field(
        None,
        description="指定（登録）された日。資料で日付まで確かめられたときだけ書きます",
        examples=["1922-10-12"],
    )
    category: list[Category] = Field(min_length=1, description="種別（複数可）", examples=[["寺社", "史跡"]])
    category_note: Text | None = Field(None, description="種別の補足（例: 典籍・古文書）", examples=["典籍・古文書"])
    era: Era = Field(description="時代（始まりの時代）", examples=["鎌倉時代"])
    era_end: Era | None = Field(
        None,
        description="時代にまたがるときの終わりの時代（例: 鎌倉時代〜南北朝時代なら 南北朝時代）",
        examples=["南北朝時代"],
    )
    era_note: Text | None = Field(
        None, description="年代の補足（かっこ書きの部分。例: 1258年ころ創建）", examples=["1258年ころ創建"]
    )
    address: Annotated[Text, AfterValidator(_in_ward)] = Field(
        description="所在地（町名まで。例: 金沢区金沢町）。最初の町名で地域別の一覧に分けます",
        examples=["金沢区金沢町"],
    )
    address_note: Text | None = Field(
        None, description="所在地の補足（例: 鎌倉市十二所にまたがる）", examples=["神奈川県立金沢文庫が保管"]
    )
    latitude: float | None = Field(
        None, description="緯度（世界測地系、10進数）。確かな値がなければ書きません", examples=[35.3441806]
    )
    longitude: float | None = Field(
        None, description="経度（世界測地系、10進数）。緯度と一緒に書きます", examples=[139.6303917]
    )
    access: list[Access] = Field(
        default_factory=list,
        description="交通（最寄り駅と徒歩の分数）。複数書けます",
        examples=[[{"station": "金沢文庫駅", "walk_minutes": 12}]],
    )
    hours: Text | None = Field(None, description="公開時間", examples=["9時〜16時30分"])
    fees: Text | None = Field(None, description="料金", examples=["無料"])
    images: list[Image] = Field(
        default_factory=list,
        description="写真（src と alt）。その史跡の写真だけを載せます",
        examples=[[{"src": "images/history/shomyoji.jpg", "alt": "阿字ヶ池と反橋"}]],
    )
    related: list[Slug] = Field(
        default_factory=list, description="関連する史跡のファイル名（.md を除く）", examples=[["kanazawa-bunko"]]
    )
    sources: list[Text] = Field(
        min_length=1, description="出典（URL や資料名）。1件以上", examples=[["横浜市金沢区「金沢区の歴史」"]]
    )
    unconfirmed: list[Confirmable] = Field(
        default_factory=list,
        description="確認できていない項目の名前。ページでは「要確認」と表示し、事実としては出しません",
        examples=[["designation"]],
    )
    featured: bool = Field(False, description="トップページで紹介するときは true", examples=[True])
    status: Literal["published", "draft"] = Field(
        "published", description="published（公開）または draft（下書き、公開しない）", examples=["draft"]
    )


def coordinates_problem(doc: Document) -> ContentError | None:
    """Only one of the two coordinates, or coordinates outside the ward (usually swapped or mistyped)."""
    lat, lon = doc.meta.latitude, doc.meta.longitude
    if (lat is None) != (lon is None):
        given, missing = ("latitude", "longitude") if lon is None else ("longitude", "latitude")
        return ContentError(
            doc.shown,
            doc.line_of(given),
            missing,
            "緯度（latitude）と経度（longitude）は両方書くか、両方とも書かないでください。"
            f"{missing}: を書き足すか、{given}: を消してください",
            "only one coordinate",
        )
    if lat is None:
        return None
    b = WARD_BOUNDS
    if b["south"] <= lat <= b["north"] and b["west"] <= lon <= b["east"]:
        return None
    return ContentError(
        doc.shown,
        doc.line_of("latitude"),
        "latitude",
        f"座標（緯度 {lat}、経度 {lon}）が金沢区の範囲の外です。緯度は {b['south']}〜{b['north']}、"
        f"経度は {b['west']}〜{b['east']} の間です。緯度と経度が入れ替わっていないか確かめてください",
        "coordinates outside the ward",
    )


def image_problems(doc: Document) -> list[ContentError]:
    """Every image named in the file must exist under content/."""
    errors = []
    for index, image in enumerate(doc.meta.images):
        path = PurePosixPath(image.src)
        if path.is_absolute() or ".." in path.parts or not (doc.root / path).is_file():
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of(f"images.{index}.src"),
                    f"images.{index}.src",
                    f"画像「{image.src}」が見つかりません。content/{image.src} に置くか、src を直してください",
                    "image file missing",
                )
            )
    return errors


def check_sites(documents: Sequence[Document], everything: Sequence[Document] = ()) -> list[ContentError]:
    """Located problems across all site files: coordinates, images, related sites, reserved slugs."""
    errors: list[ContentError] = []
    slugs = {doc.slug for doc in documents}
    for doc in documents:
        if problem := coordinates_problem(doc):
            errors.append(problem)
        errors += image_problems(doc)
        for index, other in enumerate(doc.meta.related):
            if other not in slugs or other == doc.slug:
                errors.append(
                    ContentError(
                        doc.shown,
                        doc.line_of(f"related.{index}"),
                        f"related.{index}",
                        f"関連する史跡「{other}」がありません。content/history/sites/ にある別の史跡のファイル名"
                        "（.md を除く）を書いてください",
                        "related site not found",
                    )
                )
        if doc.meta.designated_on and doc.meta.designation is Designation.mishitei:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("designated_on"),
                    "designated_on",
                    "「未指定」の史跡に指定日（designated_on）が書かれています。指定されているなら designation: に"
                    "指定の区分を書き、そうでなければ designated_on: を消してください",
                    "designation date without designation",
                )
            )
        if doc.slug in RESERVED_SLUGS:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("slug") if "slug" in doc.front.data else 1,
                    "slug",
                    f"「{doc.slug}」は史跡一覧のページが使う名前です。ファイル名か slug を変えてください"
                    f"（使えない名前: {', '.join(sorted(RESERVED_SLUGS))}）",
                    "reserved slug",
                )
            )
    return errors


KIND = Kind(
    name="history",
    label="史跡・文化財",
    folders=("history/sites",),
    schema=HistorySiteMeta,
    url="history/{slug}/",
    title_field="name",
    collection_check=check_sites,
    # The catalog's own pages; "index" stands for /history/ itself.
    reserved_urls=("history/", *(f"history/{slug}/" for slug in sorted(RESERVED_SLUGS - {"index"}))),
    reserved_label="史跡・文化財の一覧",
    site_urls=lambda documents: (HistorySettings.csv_path, HistorySettings.geojson_path),
)

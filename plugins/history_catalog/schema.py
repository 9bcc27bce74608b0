"""History sites (史跡・文化財): one Markdown file per site in content/history/sites/, the body is the description.

Checks that need only the files run here, so `invoke check` reports them too: coordinates inside the
ward, both or neither coordinate, related sites that exist, image files that exist, no designation
date on an undesignated site, slugs that do not clash with the catalog's own pages, sources in order
(public ones before references) and a named source for coordinates. A site citing only reference
sources is a warning, not an error: staff see which entries still need an official source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from ward_content.errors import ContentError, content_warning
from ward_content.files import is_file
from ward_content.kinds import Kind
from ward_content.schemas.base import (
    Image,
    JpDate,
    Slug,
    Text,
    WardModel,
    content_error,
    file_name_reference,
)

if TYPE_CHECKING:
    from ward_content.document import Document


SiteName = file_name_reference("related site not found", "史跡", "content/history/sites/", "shomyoji")


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


class SourceKind(StrEnum):
    """How far a source can be trusted, in order: the public body's own record first."""

    official = "公式・行政"  # 国・県・市・区の資料（広報、教育委員会の文化財ページ）
    operator = "所有者・管理者"  # 社寺、博物館、指定管理者など、その場所を持つ・管理する者
    database = "データベース"  # 国指定文化財等データベース、文化遺産オンラインなど公的な登録簿
    reference = "参考"  # 観光協会、新聞、百科事典、個人サイト: ほかに資料がないときだけ


class CoordinatesOrigin(StrEnum):
    """Where latitude and longitude were read."""

    official = "公的資料"
    encyclopedia = "百科事典"


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


def _web_address(value: str) -> str:
    if not re.match(r"^https?://[^\s]+$", value):
        raise content_error(
            "not a web address",
            f"「{value}」: url には http:// か https:// で始まるアドレスだけを書いてください。説明は title: や about: に書きます",
        )
    return value


class Source(WardModel):
    """One cited source: what it is, how far it can be trusted, and what it confirms."""

    kind: SourceKind = Field(
        description="出典の種類。公式・行政（国・県・市・区）、所有者・管理者（社寺・博物館など）、データベース"
        "（文化庁などの登録簿）、参考（観光協会・新聞・百科事典・個人サイト。ほかに資料がないときだけ）",
        examples=["公式・行政"],
    )
    label: Text | None = Field(
        None,
        description="種類の補足。「参考」のときは必須（例: 個人サイト、観光協会、百科事典）。ページでは「参考（個人サイト）」のように出ます",
        examples=["個人サイト"],
    )
    title: Text = Field(description="資料の名前（発行者と題名）", examples=["横浜市「称名寺」"])
    url: Annotated[Text, AfterValidator(_web_address)] | None = Field(
        None,
        description="資料のアドレス（http:// か https:// で始まる）。紙の資料なら書きません",
        examples=["https://www.city.yokohama.lg.jp/kurashi/kyodo-manabi/bunkazai/isan/shoumyouji.html"],
    )
    about: Text | None = Field(
        None, description="この資料で確かめた内容（例: 指定日・時代）", examples=["指定日・時代"]
    )
    coordinates: bool = Field(False, description="緯度・経度をこの資料から取ったときは true", examples=[True])

    @property
    def kind_label(self) -> str:
        """公式・行政, or 参考（個人サイト） with the label, as the page shows it beside the link."""
        return f"{self.kind.value}（{self.label}）" if self.label else self.kind.value

    @model_validator(mode="after")
    def _reference_says_what_it_is(self) -> Source:
        if self.kind is SourceKind.reference and self.label is None:
            raise content_error(
                "reference without label",
                "「参考」の出典には label: でどんな資料かを書いてください"
                "（例: 個人サイト、観光協会、地域紙、百科事典）。ページでは「参考（個人サイト）」と出ます",
            )
        return self


class DesignationStep(WardModel):
    """One step in the designation history: designated, raised, added to, lifted."""

    date: JpDate | None = Field(None, description="日付。分かるときだけ", examples=["2006-06-09"])
    year: int | None = Field(None, ge=600, le=2100, description="日付が分からず年だけ分かるときの年", examples=[1995])
    event: Text = Field(description="何があったか", examples=["国の重要文化財に指定"])
    unconfirmed: bool = Field(
        False,
        description="資料どうしで食い違うなど、確かめられていないときは true（ページでは要確認）",
        examples=[True],
    )

    @model_validator(mode="after")
    def _dated(self) -> DesignationStep:
        if (self.date is None) == (self.year is None):
            raise content_error(
                "step needs a date or a year",
                "指定の経過には date:（日付）か year:（年だけ分かるとき）のどちらか一つを書いてください",
            )
        return self


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
    name_common: Text | None = Field(
        None, description="通称（正式な名称とは別によく使われる呼び名）", examples=["上行寺東遺跡"]
    )
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
    designation_history: list[DesignationStep] = Field(
        default_factory=list,
        description="指定の経過（古い順）。格上げ・追加指定・解除などがあったときに書きます",
        examples=[
            [{"date": "2006-06-09", "event": "国の重要文化財に指定"}, {"date": "2016-08-17", "event": "国宝に指定"}]
        ],
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
    coordinates_from: CoordinatesOrigin | None = Field(
        None,
        description="緯度・経度をどこで読んだか。公的資料 または 百科事典（ウィキペディアなど。確かめていない値）。"
        "緯度・経度を書いたときは必須で、その出典に coordinates: true を付けます",
        examples=["百科事典"],
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
    related: list[SiteName] = Field(
        default_factory=list,
        description="関連する史跡のファイル名（.md を除く）",
        examples=[["kanazawa-bunko"]],
        json_schema_extra={"cms": {"relation": "history"}},
    )
    sources: list[Source] = Field(
        min_length=1,
        description="出典（1件以上）。公式・行政など公的な資料を先に、参考はその後に書きます",
        examples=[[{"kind": "公式・行政", "title": "横浜市金沢区「金沢区の歴史」"}]],
    )
    open_questions: list[Text] = Field(
        default_factory=list,
        description="まだ確かめられていない点（資料どうしの食い違いなど）。ページとオープンデータに「要確認」として出ます",
        examples=[["追加指定の日付が横浜市と文化庁の資料で異なる"]],
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
        if path.is_absolute() or ".." in path.parts or not is_file(doc.root / path):
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


def source_problems(doc: Document) -> list[ContentError]:
    """Public sources before references; coordinates name where they were read; a warning when only references."""
    meta = doc.meta
    errors = []
    first_reference = next((i for i, s in enumerate(meta.sources) if s.kind is SourceKind.reference), None)
    for index, source in enumerate(meta.sources):
        if first_reference is not None and index > first_reference and source.kind is not SourceKind.reference:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of(f"sources.{index}.kind"),
                    f"sources.{index}.kind",
                    f"「{source.kind.value}」の出典が「参考」の出典より後にあります。公的な出典を先に書いてください"
                    f"（sources の {index + 1} 件目を {first_reference + 1} 件目より前に移します）",
                    "official source after a reference",
                )
            )
    marked = [i for i, s in enumerate(meta.sources) if s.coordinates]
    if meta.latitude is not None and meta.longitude is not None:
        if meta.coordinates_from is None:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("latitude"),
                    "coordinates_from",
                    "緯度・経度をどこで読んだかが書かれていません。coordinates_from: に 公的資料 か 百科事典 を書いてください",
                    "coordinates origin missing",
                )
            )
        if not marked:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("sources"),
                    "sources",
                    "緯度・経度の出典がありません。座標を読んだ資料を sources に加え、coordinates: true を付けてください",
                    "coordinates source missing",
                )
            )
    else:
        for index in marked:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of(f"sources.{index}.coordinates"),
                    f"sources.{index}.coordinates",
                    "緯度・経度が書かれていないのに、座標の出典（coordinates: true）があります。"
                    "緯度・経度を書くか、coordinates: true を消してください",
                    "coordinates source without coordinates",
                )
            )
        if meta.coordinates_from is not None:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("coordinates_from"),
                    "coordinates_from",
                    "緯度・経度が書かれていないのに coordinates_from: があります。緯度・経度を書くか、この行を消してください",
                    "coordinates origin without coordinates",
                )
            )
    if all(source.kind is SourceKind.reference for source in meta.sources):
        errors.append(
            content_warning(
                doc.shown,
                doc.line_of("sources"),
                "sources",
                "出典が「参考」だけです。横浜市・金沢区・神奈川県の資料、文化庁などのデータベース、所有者・管理者の資料で"
                "確かめ、その出典を先頭に加えてください（それまでページには「確認中」のお知らせが出ます）",
                "only reference sources",
            )
        )
    return errors


def check_sites(documents: Sequence[Document], everything: Sequence[Document] = ()) -> list[ContentError]:
    """Located problems across all site files: coordinates, sources, images, related sites, reserved slugs."""
    errors: list[ContentError] = []
    slugs = {doc.slug for doc in documents}
    for doc in documents:
        if problem := coordinates_problem(doc):
            errors.append(problem)
        errors += source_problems(doc)
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
)

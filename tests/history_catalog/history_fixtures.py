"""History-catalog fixtures (imported by the tests; not a conftest, so `from conftest import` stays unambiguous)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

# Other plugins' work in progress must not break these builds: only the foundation and the catalog.
PLUGINS = ["ward_content", "history_catalog"]
FOLDER = "history/sites"
HERE = Path(__file__).resolve().parent
# The reference data lives beside the repository (../shared/data); a worktree elsewhere can point at it.
SHARED_DATA = Path(os.environ.get("WARD_SHARED_DATA") or HERE.parent.parent.parent / "shared" / "data")


def reviewed_sources() -> dict[str, dict]:
    """The committed expectation from the source review: per site file, its row name in the reference data,
    the official source that must come first (null where none was found), the coordinates (null: no pin) and
    the fields where the review corrected the original sample CSV."""
    return json.loads((HERE / "reviewed_sources.json").read_text(encoding="utf-8"))


OFFICIAL = {"kind": "公式・行政", "title": "横浜市「テストの史跡」", "url": "https://example.jp/source.html"}
ENCYCLOPEDIA = {
    "kind": "参考",
    "label": "百科事典",
    "title": "ウィキペディア日本語版「テストの史跡」",
    "url": "https://ja.wikipedia.org/wiki/test",
    "coordinates": True,
}
REFERENCE = {
    "kind": "参考",
    "label": "個人サイト",
    "title": "個人のブログ「史跡めぐり」",
    "url": "https://blog.example/",
}


def site_text(name: str = "テスト寺", reading: str = "てすとでら", body: str = "説明の文です。", **fields) -> str:
    """A history site's Markdown: valid unless told otherwise; `None` values are left out."""
    front = {
        "name": name,
        "reading": reading,
        "designation": "国指定史跡",
        "category": ["寺社"],
        "era": "鎌倉時代",
        "address": "金沢区金沢町",
        "sources": [OFFICIAL],
        **fields,
    }
    if fields.get("latitude") is not None and fields.get("longitude") is not None and "sources" not in fields:
        # Coordinates name where they were read, as the check requires.
        front["coordinates_from"] = "百科事典"
        front["sources"] = [OFFICIAL, ENCYCLOPEDIA]
    front = {k: v for k, v in front.items() if v is not None}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"


def small_catalog() -> dict[str, str]:
    """Six sites with known distances from `origin` (east, west, north, far south, none)."""
    return {
        f"{FOLDER}/origin.md": site_text(
            "起点寺",
            "きてんでら",
            latitude=35.34,
            longitude=139.63,
            featured=True,
            related=["east"],
            designated_on="1922-10-12",
        ),
        f"{FOLDER}/east.md": site_text(
            "東の塚",
            "ひがしのつか",
            designation="市指定史跡",
            era="縄文時代",
            latitude=35.34,
            longitude=139.633,
            address="金沢区野島町",
        ),
        f"{FOLDER}/west.md": site_text(
            "西の館",
            "にしのやかた",
            designation="未指定",
            era="江戸時代",
            latitude=35.34,
            longitude=139.626,
            address="金沢区瀬戸・洲崎町",
        ),
        f"{FOLDER}/north.md": site_text(
            "北の碑",
            "きたのひ",
            designation="市登録地域有形文化財",
            era="明治時代",
            latitude=35.345,
            longitude=139.63,
            address="金沢区瀬戸",
        ),
        f"{FOLDER}/south.md": site_text(
            "南の門",
            "みなみのもん",
            designation="県指定史跡",
            era="平安時代",
            latitude=35.33,
            longitude=139.63,
            designated_on="2000-01-01",
            unconfirmed=["designation", "era"],
        ),
        f"{FOLDER}/nowhere.md": site_text(
            "場所不明の社",
            "ばしょふめいのやしろ",
            designation="国宝",
            era="室町時代",
            address="金沢区六浦",
            access=[{"station": "金沢八景駅", "walk_minutes": 10}],
            designation_history=[
                {"year": 1995, "event": "国の重要文化財に指定"},
                {"date": "2016-08-17", "event": "国宝に指定"},
            ],
            sources=[REFERENCE],
            open_questions=["指定の日付が資料どうしで異なる"],
        ),
        "history/koza.md": "---\ntitle: 金沢の歴史講座\ndate: 2026-10-01\n---\n講座を開きます。\n",
    }

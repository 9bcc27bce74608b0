"""The staff guide's field tables, generated from the schemas so they cannot drift."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from enum import Enum
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

HEADER = "<!-- このファイルは自動生成です。`invoke docs` で作り直します。手で書き換えないでください。 -->\n"


_SCALARS = {
    str: "文字",
    int: "整数（半角数字）",
    float: "数（例: 35.34）",
    bool: "true（はい）/ false（いいえ）",
    date: "日付（例: 2026-08-29）",
    datetime: "日時（例: 2026-08-29 19:00）",
    time: "時刻（例: 19:00）",
}


def _format_ja(info: FieldInfo) -> str:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    if "format_ja" in extra:
        return str(extra["format_ja"])
    return _describe(info.annotation)


def _describe(annotation) -> str:
    """A staff-readable description of a type: 文字, 日付, 次のどれか: …, 一覧, 下の表."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        for meta in args[1:]:
            extra = getattr(meta, "json_schema_extra", None)
            if isinstance(extra, dict) and "format_ja" in extra:
                return str(extra["format_ja"])
        return _describe(args[0])
    if origin in (Union, UnionType):
        options = [a for a in args if a is not type(None)]
        return " または ".join(_describe(a) for a in options)
    if origin is Literal:
        return "次のどれか: " + " / ".join(str(a) for a in args)
    if origin is list:
        return f"一覧（各行を「- 」で始める）: {_describe(args[0])}" if args else "一覧"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "字下げした項目（下の表）"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "次のどれか: " + " / ".join(str(m.value) for m in annotation)
    return _SCALARS.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _example(info: FieldInfo) -> str:
    if not info.examples:
        return ""
    value = info.examples[0]
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _table(model: type[BaseModel], prefix: str = "") -> list[str]:
    rows = []
    nested = []
    for name, info in model.model_fields.items():
        required = "必須" if info.is_required() else "任意"
        cell = lambda s: str(s).replace("|", "｜").replace("\n", " ")  # noqa: E731
        rows.append(
            f"| `{prefix}{name}` | {required} | {cell(_format_ja(info))} | {cell(info.description or '')} | {cell(_example(info))} |"
        )
        for arg in _models_in(info.annotation):
            nested.append((f"{prefix}{name}.", arg))
    for sub_prefix, sub in nested:
        rows += _table(sub, sub_prefix)
    return rows


def _models_in(annotation) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()):
        found += _models_in(arg)
    return found


def field_reference() -> str:
    """docs/fields.md: one table per content type."""
    parts = [
        HEADER,
        "# 項目一覧（front matter）\n",
        "各ページの先頭の `---` で囲んだ欄に書く項目です。種類ごとに使える項目が決まっています。\n",
    ]
    from tools.site_build import project_types

    for kind in project_types().kinds:
        folders = "、".join(f"`content/{f}/`" for f in kind.folders)
        parts.append(f"\n## {kind.label}（`invoke new {kind.name}`）\n\n置き場所: {folders}\n")
        parts.append("| 項目 | 必須／任意 | 書き方 | 説明 | 例 |\n| --- | --- | --- | --- | --- |")
        parts.extend(_table(kind.schema))
    return "\n".join(parts) + "\n"

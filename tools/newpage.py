"""`invoke new`: a new content file whose every value to supply is a visible placeholder.

Nothing is copied from another entry (the schemas' examples describe real places and events):
required values are 「【要入力】…」, which `invoke check` and the build report until replaced, and
optional fields are shown commented out, with placeholders too. Only values the tool knows are
filled in: the title given, today's date for an article, and for a bulletin the month, number and
PDF name that follow the newest issue.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from datetime import date, datetime, time
from pathlib import Path

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ward_content.content_set import content_files
from ward_content.document import load_document
from ward_content.errors import ContentErrors
from ward_content.kinds import Kind
from ward_content.limits import DEFAULT_LIMITS
from ward_content.placeholders import MARK, placeholder
from ward_content.schemas.base import SLUG_PATTERN
from ward_content.slugs import propose_slug

BODY = placeholder("本文を書きます。見出しは ## から始めます。本文が要らなければこの行を消します。") + "\n"
_MONTH_SLUG = re.compile(r"^(\d{4})-(\d{2})$")
# 「（例: 2026-08-01）」 and the like: an example is another entry's fact, never a template's value.
_EXAMPLE = re.compile(r"[（(][^（）()]*例[:：][^（）()]*[）)]|[、。]?例[:：].*$")
# Dates the tool knows: an article is published, an event announced, on the day it is written.
TODAY_FIELDS = ("date", "announced")


class NewPageError(Exception):
    """A refusal to write, with a Japanese message for staff."""


class _Dumper(yaml.SafeDumper):
    """Writes 2026-11-28 unquoted: our loader reads dates as text, so quotes would only confuse staff."""


_Dumper.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _yaml_lines(name: str, value) -> list[str]:
    dumped = yaml.dump(
        {name: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6
    )
    return dumped.rstrip("\n").split("\n")


def _plain(annotation):
    """The type inside `X | None`."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(inner) == 1:
            return inner[0]
        return tuple(inner)
    return annotation


def _label(info: FieldInfo, name: str) -> str:
    text = _EXAMPLE.sub("", info.description or name).strip() or name
    return text


def _to_fill(annotation, label: str):
    """A placeholder value of the shape the field takes: text, a list of one, or nested fields."""
    kind = _plain(annotation)
    origin = typing.get_origin(kind)
    if origin is list:
        (item,) = typing.get_args(kind) or (str,)
        return [_to_fill(item, label)]
    if origin is typing.Literal:
        return placeholder(f"{label}（次のどれか: {', '.join(map(str, typing.get_args(kind)))}）")
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return {n: _to_fill(i.annotation, _label(i, n)) for n, i in kind.model_fields.items() if i.is_required()}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return placeholder(f"{label}（次のどれか: {', '.join(str(m.value) for m in kind)}）")
    if kind == (date, datetime) or kind is datetime:
        return placeholder(f"{label}（年-月-日 または 年-月-日 時:分）")
    if kind is date:
        return placeholder(f"{label}（年-月-日）")
    if kind is time:
        return placeholder(f"{label}（時:分）")
    if kind is bool:
        return placeholder(f"{label}（true か false）")
    if kind in (int, float):
        return placeholder(f"{label}（半角数字）")
    return placeholder(label)


def front_matter(kind: Kind, title: str, known: dict | None = None) -> str:
    """The front matter block: known values, placeholders for the required rest, optional ones commented out."""
    known = known or {}
    required, optional = [], []
    for name, info in kind.schema.model_fields.items():
        if name == kind.title_field:
            required += _yaml_lines(name, title)
        elif name in known:
            required += _yaml_lines(name, known[name])
        elif info.is_required():
            required += _yaml_lines(name, _to_fill(info.annotation, _label(info, name)))
        elif name == "status":
            # No comment after the value: uncommented, `draft  # …` would be a value with " #" in it.
            optional += ["# （下書きにして公開しないときは、次の行の「# 」を消します）", "# status: draft"]
        elif name != "slug":
            lines = _yaml_lines(name, _to_fill(info.annotation, _label(info, name)))
            optional += [f"# {line}" for line in lines]
    head = ["---", *required]
    if optional:
        head += ["# ↓ 必要なときだけ、行頭の「# 」を消して使います（任意の項目）", *optional]
    return "\n".join([*head, "---", ""])


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _newest_issue(content_root: Path, folder: str, types):
    """The newest bulletin issue that loads, or None; a broken file is `invoke check`'s to report."""
    newest = None
    for rel_path in content_files(content_root):
        if not rel_path.startswith(f"{folder}/"):
            continue
        try:
            doc = load_document(content_root, rel_path, types)
        except ContentErrors:
            continue
        if newest is None or doc.meta.issue_date > newest.meta.issue_date:
            newest = doc
    return newest


def bulletin_values(content_root: Path, kind: Kind, today: date, slug: str | None, types) -> tuple[str, dict]:
    """The month (file name), issue date, number and PDF name of a new issue.

    The month is the one after the newest issue (next month when there is none), or the one named
    by `--slug YYYY-MM`; the number follows the newest issue's when the months are known.
    """
    newest = _newest_issue(content_root, kind.folders[0], types)
    if slug is None:
        issue_date = _month_after(newest.meta.issue_date) if newest else _month_after(today)
    else:
        match = _MONTH_SLUG.match(slug)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise NewPageError(
                f"広報のファイル名は発行月にします。--slug 2027-01 のように書いてください（指定: {slug}）"
            )
        issue_date = date(int(match.group(1)), int(match.group(2)), 1)
    values: dict = {"issue_date": issue_date.isoformat()}
    if newest is not None and issue_date > newest.meta.issue_date:
        values["number"] = newest.meta.number + _months_between(newest.meta.issue_date, issue_date)
    month = f"{issue_date:%Y-%m}"
    values["pdf"] = f"{month}.pdf"
    return month, values


def new_page(
    content_root: Path,
    kind_name: str,
    title: str,
    today: date,
    folder: str | None = None,
    slug: str | None = None,
    types=None,
) -> Path:
    """Write the file and return its path; refuse to overwrite or to guess a wrong folder."""
    from tools.site_build import project_types

    types = types or project_types()
    kind = types.by_name(kind_name)
    if kind is None:
        names = "、".join(k.name for k in types.kinds)
        raise NewPageError(f"種類「{kind_name}」はありません。次のどれかを指定してください: {names}")
    if not title.strip():
        raise NewPageError('題名を書いてください。例: invoke new news "金沢まつり花火大会を開催します"')
    folder = folder or kind.folders[0]
    if folder not in kind.folders:
        raise NewPageError(f"{kind.label}は次のフォルダに置きます: {'、'.join(kind.folders)}（指定: {folder}）")
    known: dict = {}
    if kind.name == "bulletin":
        # Issues are named by their month (2026-12.md), which the bulletin check expects.
        slug, known = bulletin_values(content_root, kind, today, slug, types)
    known.update({name: today.isoformat() for name in TODAY_FIELDS if name in kind.schema.model_fields})
    slug = slug or propose_slug(title)
    # The file name is the URL; an --slug such as "Hanabi_2027" or "../x" would be refused by the check
    # after it was written (or written outside content/).
    if not SLUG_PATTERN.match(slug) or len(slug) > DEFAULT_LIMITS.slug_length:
        raise NewPageError(
            f"--slug「{slug}」はファイル名（URL）に使えません。半角の小文字英数字とハイフンだけで、"
            f"{DEFAULT_LIMITS.slug_length}字までで書いてください（例: --slug hanabi-2027） (invalid slug)"
        )
    path = content_root / folder / f"{slug}.md"
    if path.exists():
        shown = f"{content_root.name}/{folder}/{slug}.md"  # as invoke check names files, not the full path
        raise NewPageError(f"{shown} はもうあります。上書きはしません。--slug で別の名前を指定してください")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(kind, title, known) + BODY, encoding="utf-8")
    return path


def placeholders_in(path: Path) -> int:
    """How many lines of a new file still carry the marker (commented optional fields not counted)."""
    return sum(1 for line in path.read_text(encoding="utf-8").split("\n") if MARK in line and not line.startswith("#"))

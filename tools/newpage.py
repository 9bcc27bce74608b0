"""`invoke new`: a new content file with every required field filled and the optional ones shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from pydantic.fields import FieldInfo

from ward_content.kinds import Kind
from ward_content.slugs import propose_slug

TODAY_FIELDS = {"date", "issue_date", "announced"}  # announced: an event is announced when it is written


class NewPageError(Exception):
    """A refusal to write, with a Japanese message for staff."""


def _example(name: str, info: FieldInfo, title: str, today: date):
    if name == "issue_date":
        return _next_month(today).isoformat()
    if name in TODAY_FIELDS:
        return today.isoformat()
    if info.examples:
        return info.examples[0]
    return "（ここに書く）"


def _next_month(today: date) -> date:
    """A bulletin issue is dated the 1st; the one being prepared is next month's."""
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


class _Dumper(yaml.SafeDumper):
    """Writes 2026-11-28 unquoted: our loader reads dates as text, so quotes would only confuse staff."""


_Dumper.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _yaml_lines(name: str, value) -> list[str]:
    """`name: value` as YAML lines; dates and text are left as plain scalars staff can read."""
    dumped = yaml.dump({name: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return dumped.rstrip("\n").split("\n")


def front_matter(kind: Kind, title: str, today: date) -> str:
    """The front matter block for a new file: required fields first, then optional ones commented out."""
    required, optional = [], []
    for name, info in kind.schema.model_fields.items():
        value = title if name == kind.title_field else _example(name, info, title, today)
        lines = _yaml_lines(name, value)
        note = f"  # {info.description}" if info.description else ""
        if info.is_required() or name in TODAY_FIELDS:
            required.append(lines[0] + (note if name != kind.title_field else ""))
            required.extend(lines[1:])
        elif name != "slug":
            optional.append(f"# {lines[0]}{note}")
            optional.extend(f"# {line}" for line in lines[1:])
    head = ["---", *required]
    if optional:
        head += ["# ↓ 必要なときだけ、行頭の「# 」を消して使います（任意の項目）", *optional]
    return "\n".join([*head, "---", ""])


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
    folder = folder or kind.folders[0]
    if folder not in kind.folders:
        raise NewPageError(f"{kind.label}は次のフォルダに置きます: {'、'.join(kind.folders)}（指定: {folder}）")
    if kind.name == "bulletin" and not slug:
        # Issues are named by their month (2026-12.md), which the bulletin check expects.
        slug = f"{_next_month(today):%Y-%m}"
    slug = slug or propose_slug(title)
    path = content_root / folder / f"{slug}.md"
    if path.exists():
        raise NewPageError(f"{path} はもうあります。上書きはしません。--slug で別の名前を指定してください")
    body = "ここに本文を書きます。見出しは ## から始めます。\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(kind, title, today) + body, encoding="utf-8")
    return path

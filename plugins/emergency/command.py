"""`invoke emergency`: write or delete content/emergency.md in one step, validated before it is written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import yaml

from ward_content.document import display_path, validate
from ward_content.errors import ContentErrors
from ward_content.frontmatter import split
from ward_content.registry import ContentTypes

from .schema import FILE_NAME, KIND

DEFAULT_TITLES = {"緊急": "金沢区からの緊急情報", "警戒": "金沢区からの警戒情報", "お知らせ": "金沢区からのお知らせ"}


def notice_text(
    summary: str, level: str, issued: datetime, expires: str | None = None, title: str | None = None
) -> str:
    """The file's text: front matter built by the YAML library, the summary repeated as the body to edit."""
    data = {
        "level": level,
        "title": title or DEFAULT_TITLES.get(level, "金沢区からの緊急情報"),
        "issued": issued.strftime("%Y-%m-%d %H:%M"),
        "summary": summary,
    }
    if expires:
        data["expires"] = expires
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{front}---\n{summary}\n"


def write_notice(content_root: Path, text: str) -> Path:
    """Validate, then write; a mistake raises ContentErrors and leaves any current notice as it was."""
    shown = display_path(content_root, FILE_NAME)
    validate(content_root, FILE_NAME, split(text, shown), ContentTypes((KIND,)))
    target = content_root / FILE_NAME
    target.write_text(text, encoding="utf-8")
    return target


def remove_notice(content_root: Path) -> bool:
    """Delete the notice; False when there was none."""
    target = content_root / FILE_NAME
    if not target.is_file():
        return False
    target.unlink()
    return True


# The file is not written when the command's values are wrong: say which part of the command to change.
COMMAND_PARTS = {
    "level": "--level",
    "title": "--title",
    "expires": "--expires",
    "summary": '説明（invoke emergency の後の "…"）',
}


def command_lines(errors) -> list[str]:
    """Each problem of `invoke emergency`'s values, named by the option the staff member typed."""
    lines = []
    for error in errors:
        part = COMMAND_PARTS.get(error.field)
        lines.append(f"{part}: {error.message} ({error.code})" if part else error.format())
    return lines


__all__ = ["COMMAND_PARTS", "ContentErrors", "command_lines", "notice_text", "remove_notice", "write_notice"]

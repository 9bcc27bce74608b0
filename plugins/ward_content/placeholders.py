"""Placeholders `invoke new` writes for what staff must supply, and the check that none is left in place."""

from __future__ import annotations

from .errors import ContentError
from .frontmatter import FrontMatter

# One visible marker, the same in every template and every message: easy to search for in an editor.
MARK = "【要入力】"


def placeholder(what: str) -> str:
    """The text a template carries where staff must write `what`."""
    # A full-width colon keeps the line plain YAML (": " inside a value would need quotes).
    return MARK + what.replace(": ", "：")


def _walk(value, path: str):
    """(field path, text) of every string in a front-matter value, nested ones as `a.b.0`."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}.{index}")


def front_placeholders(front: FrontMatter, shown: str) -> tuple[list[ContentError], set[str]]:
    """A located error for each placeholder left in the front matter, and the fields they sit in.

    The fields are returned so that a schema error on the same value (a placeholder is not a date)
    does not repeat the problem in other words.
    """
    errors, fields = [], set()
    for name, value in front.data.items():
        for path, text in _walk(value, name):
            if MARK in text:
                fields.add(path)
                errors.append(_left(shown, front.line_of(path), path, text))
    return errors, fields


def body_placeholders(body: str, body_line: int, shown: str) -> list[ContentError]:
    """A located error for each body line that still carries the marker."""
    return [
        _left(shown, body_line + offset, "本文", line.strip())
        for offset, line in enumerate(body.split("\n"))
        if MARK in line
    ]


def _left(shown: str, line: int, field: str, text: str) -> ContentError:
    text = text if len(text) <= 40 else text[:39] + "…"
    return ContentError(
        shown,
        line,
        field,
        f"「{MARK}」の所が残っています（{text}）。実際の内容に書き換えてください。"
        "使わない任意の項目なら、行ごと消してください",
        "placeholder left",
    )

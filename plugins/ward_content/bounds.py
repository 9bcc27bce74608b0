"""Checks on a file's text that must run before it is parsed: invisible control characters, nesting depth."""

from __future__ import annotations

import re

from .errors import ContentError

# C0 controls other than tab and line ends, and the two non-characters XML 1.0 refuses.
# Also the invisible characters that turn the direction of text (U+202A-U+202E, U+2066-U+2069): a
# title or link can then show other words than it holds ("Trojan Source"); Japanese text never needs
# them. The left-to-right and right-to-left marks (U+200E, U+200F) only nudge and stay allowed.
_DIRECTION = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff{_DIRECTION}]")
# One level of a body: a quote marker, or a list marker followed by a space.
_LEVEL = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])")


def control_characters(text: str, shown: str, end_line: int | None) -> list[ContentError]:
    """One error per line holding a control character (a feed or a page could not be written with it)."""
    errors = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = _CONTROL.search(line)
        if not found:
            continue
        field = "本文" if end_line is not None and number > end_line else _field_of(line)
        errors.append(
            ContentError(
                shown,
                number,
                field,
                control_message(found.group()),
                "control character",
            )
        )
    return errors


def first_control(text: str) -> str | None:
    """The first control character of a text (as `control_characters` finds them), or None."""
    found = _CONTROL.search(text)
    return found.group() if found else None


def without_controls(text: str) -> str:
    """Text made by a program (a PDF's text layer), with the characters a page may not hold removed:
    pdfium marks a hyphen it generated at a line end with U+0002, and a PDF can carry any of them."""
    return _CONTROL.sub("", text)


def control_values(data: object, prefix: str = "") -> list[tuple[str, str]]:
    """(field path, character) for each value that holds a control character, written as a YAML escape ("\\0")."""
    found: list[tuple[str, str]] = []
    if isinstance(data, str):
        character = first_control(data)
        if character is not None:
            found.append((prefix, character))
    elif isinstance(data, dict):
        for key, value in data.items():
            found += control_values(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += control_values(value, f"{prefix}.{index}")
    return found


def control_message(character: str) -> str:
    """The staff message for a control character."""
    kind = "文字の向きを変える見えない制御文字" if re.match(f"[{_DIRECTION}]", character) else "見えない制御文字"
    return (
        f"{kind}（U+{ord(character):04X}）が入っています。"
        "この行を消して打ち直すか、メモ帳などに貼り付けてからコピーし直してください"
    )


def _field_of(line: str) -> str:
    found = re.match(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:", line)
    return found.group(1) if found else ""


def depth_of(line: str) -> int:
    """Quote and list levels that open on this line, plus what its indentation implies."""
    expanded = line.expandtabs(4)
    indent = len(expanded) - len(expanded.lstrip(" "))
    levels, position = 0, 0
    while True:
        found = _LEVEL.match(expanded, position)
        if not found or found.end() == position:
            break
        levels += 1
        position = found.end()
    return levels + indent // 4


def nesting_problem(body: str, body_line: int, shown: str, limit: int) -> ContentError | None:
    """The first body line nested deeper than `limit` (Markdown's cost grows with depth), or None."""
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        depth = depth_of(line)
        if depth > limit:
            return ContentError(
                shown,
                body_line + offset,
                "本文",
                f"引用（>）や箇条書きの入れ子が深すぎます（{depth}段、{limit}段まで）。段を浅くしてください",
                "nesting too deep",
            )
    return None


_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
_CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def prose_lines(body: str) -> list[tuple[int, str]]:
    """Body lines outside fenced code, with their offsets (code is shown as text, never removed)."""
    lines, in_code = [], False
    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if not in_code:
            lines.append((offset, line))
    return lines


def html_depth_problem(body: str, body_line: int, shown: str, limit: int) -> ContentError | None:
    """The first line where raw HTML elements are nested deeper than `limit` (Markdown recurses into them)."""
    depth = 0
    for offset, line in prose_lines(body):
        events = sorted(
            [(m.start(), 1) for m in _OPEN_TAG.finditer(line) if m.group(1).lower() not in _VOID and not m.group(2)]
            + [(m.start(), -1) for m in _CLOSE_TAG.finditer(line)]
        )
        for _, step in events:
            depth = max(0, depth + step)
            if depth > limit:
                return ContentError(
                    shown,
                    body_line + offset,
                    "本文",
                    f"HTML のタグの入れ子が深すぎます（{limit}段まで）。閉じタグ（</div> など）を確かめ、段を浅くしてください",
                    "nesting too deep",
                )
    return None


def markup_density_problem(body: str, body_line: int, shown: str, limit: int) -> ContentError | None:
    """The first paragraph with more than `limit` link brackets or emphasis marks.

    Python-Markdown's time grows with the square of unmatched `[` in a paragraph and its recursion
    with nested `*`; no real paragraph comes near the limit.
    """
    blocks: list[tuple[int, list[str]]] = []
    for offset, line in prose_lines(body):
        if not line.strip():
            continue
        if blocks and blocks[-1][0] + len(blocks[-1][1]) == offset:
            blocks[-1][1].append(line)
        else:
            blocks.append((offset, [line]))
    for offset, lines in blocks:
        text = "\n".join(lines)
        brackets, emphasis = text.count("["), text.count("*") + text.count("_")
        if max(brackets, emphasis) > limit:
            what = f"リンクの「[」が {brackets} 個" if brackets > limit else f"強調の「*」「_」が {emphasis} 個"
            return ContentError(
                shown,
                body_line + offset,
                "本文",
                f"1つの段落に{what}あります（{limit} 個まで）。段落を分けるか、記号を減らしてください",
                "too much markup in a paragraph",
            )
    return None


# A tag or CDATA opener the HTML parser then looks for the end of, to the end of the text, every time.
_OPENER = re.compile(r"<(?:/?[A-Za-z]|!\[CDATA\[)")
# Unterminated openers allowed in one body: each costs a scan of the rest of the text (about 1 s for 100
# of them in a 500 KB file); thousands of them (`<a <a <a …`, `<![CDATA[ …`) would take hours.
MAX_UNCLOSED_OPENERS = 100


def unclosed_markup_problem(body: str, body_line: int, shown: str) -> ContentError | None:
    """Too many `<tag` without `>` (before the next `<`) or `<![CDATA[` without `]]>`: refused before any parsing."""
    marks = [m.start() for m in re.finditer("[<>]", body)]
    following = {position: index + 1 for index, position in enumerate(marks)}  # one pass, no search per opener
    last_cdata_end = body.rfind("]]>")
    count = 0
    for match in _OPENER.finditer(body):
        start = match.start()
        if match.group().startswith("<!["):
            closed = last_cdata_end > start
        else:
            after = following[start]
            closed = after < len(marks) and body[marks[after]] == ">"
        if closed:
            continue
        count += 1
        if count == 1:
            first = start
        if count > MAX_UNCLOSED_OPENERS:
            return ContentError(
                shown,
                body_line + body.count("\n", 0, first),
                "本文",
                f"閉じていない HTML のタグ（「<」で始まり「>」のないもの）が {MAX_UNCLOSED_OPENERS} 個を超えています。"
                "「<」を文字として書くときは &lt; と書くか、タグを「>」で閉じてください",
                "too many unclosed tags",
            )
    return None

"""Front-matter lines YAML would misread, found before parsing and explained in staff words.

YAML reports a full-width colon or an indent of full-width spaces lines later, as something else
(「1行に : が多すぎます」), and silently drops the text after ` #`. These checks look at each line
as staff typed it, so the message names the right line and says 全角 or タブ.
"""

from __future__ import annotations

import re

from .errors import ContentError

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What a value starting with each character means to YAML, in staff words.
SPECIAL_STARTS = {
    "*": "別の場所の値を呼び出す印",
    "&": "値に名前を付ける印",
    "!": "値の種類を指定する印",
    "%": "YAML の指示",
    "@": "予約された文字",
    "`": "予約された文字",
    "[": "一覧（[ ] の中を , で区切った並び）の始まり",
    "{": "項目のまとまり（{ } の中）の始まり",
}
_FLOW = "[{"
# `&a [ … ]` or `*a`: YAML anchors and aliases written on purpose (ward_content.bounds refuses aliases).
_YAML_STRUCTURE = re.compile(r"^[&*][A-Za-z0-9_-]+(\s*$|\s+[\[{*&])")


def _problem(path: str, line: int, field: str, message: str, code: str) -> ContentError:
    return ContentError(path, line, field, message, code)


def quote_hint(key: str, value: str) -> str:
    """`title: "[未定]花火"`: the line as it should be written."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{key}: "{escaped}"' if key else f'- "{escaped}"'


def _split(rest: str) -> tuple[str, str, str] | None:
    """(key, separator, value) of `key: value`, or None when the line has no key."""
    match = _KEY.match(rest)
    if not match:
        return None
    after = rest[match.end() :]
    stripped = after.lstrip(" ")
    if stripped[:1] in (":", "："):
        return match.group(), stripped[0] + stripped[1:2], stripped[2:] if len(stripped) > 1 else ""
    return None


def _without_dashes(rest: str) -> tuple[str, str]:
    """`- - a: b` as ("- - ", "a: b")."""
    dash = ""
    while rest.startswith("- "):
        dash += "- "
        rest = rest[2:].lstrip(" ")
    return dash, rest


def _value_of(rest: str) -> str:
    dash, rest = _without_dashes(rest)
    parts = _split(rest)
    return parts[2].strip() if parts else rest.strip() if dash else ""


# Most lines: `key: value` indented with spaces, the value starting with nothing YAML reads as markup
# and holding no tab. Such a line is misread only with " #" or ": " in its value or ":" at its end
# (_value_problem), so it is passed over without the three splits of the general checks.
_PLAIN_FIELD = re.compile(r" *[A-Za-z_][A-Za-z0-9_]*: +([^\s*&!%@`|>'\"][^\t]*)?")


def _plain(line: str) -> bool:
    found = _PLAIN_FIELD.fullmatch(line)
    if found is None:
        return False
    value = (found.group(1) or "").strip()
    return " #" not in value and ": " not in value and not value.endswith(":")


def line_problems(lines: list[str], first_line: int, path: str) -> list[ContentError]:
    """Every line of the front matter that YAML would misread, each with its own message."""
    errors: list[ContentError] = []
    block_indent: int | None = None
    for offset, line in enumerate(lines):
        if block_indent is None and _plain(line):
            continue
        number = first_line + offset
        indent_text = line[: len(line) - len(line.lstrip(" \t\u3000"))]
        rest = line[len(indent_text) :]
        if block_indent is not None:
            if not rest or len(indent_text) > block_indent:
                continue  # the text of a `|` or `>` block is free
            block_indent = None
        if not rest or rest.startswith("#"):
            continue
        problem = _line_problem(indent_text, rest, number, path)
        if problem is not None:
            errors.append(problem)
            continue
        if _value_of(rest)[:1] in ("|", ">"):
            block_indent = len(indent_text)
    return errors


def _line_problem(indent_text: str, rest: str, number: int, path: str) -> ContentError | None:
    # The field the badly indented line writes (its own key, `department` under `contact:`), if any.
    own = _split(_without_dashes(rest.lstrip(" \t\u3000"))[1])
    own_key = own[0] if own else ""
    if "\u3000" in indent_text:
        return _problem(
            path,
            number,
            own_key,
            "行の始まりに全角スペースがあります。字下げは半角スペース（2つ）で書いてください",
            "full-width space in indentation",
        )
    if "\t" in indent_text:
        return _problem(
            path,
            number,
            own_key,
            "行の始まりにタブがあります。字下げはタブではなく半角スペース（2つ）で書いてください",
            "tab in indentation",
        )
    dash, rest = _without_dashes(rest)
    fullwidth = re.match(r"([A-Za-z_][A-Za-z0-9_]*)\s*：", rest)
    if fullwidth:
        key = fullwidth.group(1)
        return _problem(
            path,
            number,
            key,
            f"「{key}」の後のコロンが全角の「：」です。半角の「:」にして、後ろに半角スペースを入れてください"
            f"（例: {key}: 値）",
            "full-width colon after a field name",
        )
    parts = _split(rest)
    if parts is None:
        if "\t" in rest:
            return _tab(path, number, "")
        value = rest if dash else ""
        key = ""
    else:
        key, separator, value = parts
        if separator == ":\u3000":
            return _problem(
                path,
                number,
                key,
                f"「{key}:」の後が全角スペースです。コロンの後は半角スペースにしてください",
                "full-width space after a colon",
            )
        if len(separator) == 2 and separator[1] not in (" ", "\t") and not rest.startswith(f"{key}://"):
            return _problem(
                path,
                number,
                key,
                f"「{key}:」の後に半角スペースがありません。{key}: 値 のように、コロンの後に半角スペースを入れてください",
                "no space after a colon",
            )
        if "\t" in rest:
            return _tab(path, number, key)
    return _value_problem(key, value.strip(), number, path)


def _tab(path: str, number: int, key: str) -> ContentError:
    return _problem(
        path, number, key, "タブがあります。タブは使えないので、半角スペースにしてください", "tab in front matter"
    )


def _value_problem(key: str, value: str, number: int, path: str) -> ContentError | None:
    if not value or value[0] in "'\"|>":
        return None
    start = value[0]
    if _YAML_STRUCTURE.match(value):
        return None  # real anchors and aliases over lists: the foundation's bounds refuse aliases as such
    if start in SPECIAL_STARTS and start not in _FLOW:
        return _problem(
            path,
            number,
            key,
            f"値が「{start}」で始まっています。YAML ではこれが{SPECIAL_STARTS[start]}になり、そのままでは読めません。"
            f'文字として書くときは値全体を " で囲んでください（例: {quote_hint(key, value)}）',
            "value starts with a YAML indicator",
        )
    if start in _FLOW:
        return None  # a list written [a, b] is valid YAML; a title like [未定]… is explained when it fails
    if " #" in value:
        kept = value.split(" #", 1)[0].strip()
        return _problem(
            path,
            number,
            key,
            f"「 #」から後ろはメモ（コメント）として捨てられ、値は「{kept}」だけになります。"
            f'# も値に含めるときは値全体を " で囲んでください（例: {quote_hint(key, value)}）',
            "comment inside a value",
        )
    if ": " in value or value.endswith(":"):
        return _problem(
            path,
            number,
            key,
            f"値の中に「: 」（コロンと半角スペース）があり、新しい項目の始まりと読まれます。"
            f'値全体を " で囲むか、全角の「：」にしてください（例: {quote_hint(key, value)}）',
            "colon inside a value",
        )
    return None


def explain_flow(line: str) -> tuple[str, str] | None:
    """For a parse error on `title: [未定]花火`: (field, why and how to write it); None for other lines."""
    _, rest = _without_dashes(line.strip())
    parts = _split(rest)
    key, value = (parts[0], parts[2].strip()) if parts else ("", rest)
    if not value or value[0] not in _FLOW:
        return None
    close = "]" if value[0] == "[" else "}"
    if close not in value or value.rstrip().endswith(close):
        return None  # an unclosed list, or a list with something else wrong: YAML's own message fits
    return key, (
        f"値が「{value[0]}」で始まっているため、YAML では{SPECIAL_STARTS[value[0]]}と読まれました。"
        f'「{value}」を文字として書くときは、値全体を " で囲んでください（例: {quote_hint(key, value)}）'
    )

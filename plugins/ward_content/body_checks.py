"""Checks on a Markdown body that need its source lines: missing alt text, dead file links, h1.

Unsafe HTML is not looked for line by line here: the allow-list in `sanitize` decides, and
`html_checks` reports what it removes.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

from .errors import ContentError

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_MD_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]+)")
_VAGUE_LINK_TEXT = {"こちら", "ここ", "ここをクリック", "こちらをクリック", "click here", "here", "詳しくはこちら"}
_LOCAL_PREFIX = re.compile(r"^\{(filename|static|attach)\}")
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//|#|/)", re.I)


def check_body(body: str, body_line: int, shown: str, exists: Callable[[str], bool], source: str) -> list[ContentError]:
    """Problems in the body, each on its own source line. `exists` answers for content-relative paths;
    `shown` names the file in messages ("content/news/a.md"), `source` is its content-relative path
    ("news/a.md", the folder relative links start from)."""
    errors: list[ContentError] = []
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        number = body_line + offset
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue

        def add(message: str, code: str, field: str = "本文", number: int = number) -> None:
            errors.append(ContentError(shown, number, field, message, code))

        if re.match(r"^#\s", line):
            add("本文の見出しは ## から始めてください（# はページの題名に使われています）", "h1 in body")
        for alt, target in _MD_IMAGE.findall(line):
            if not alt.strip():
                add(
                    f"画像「{target}」に代替テキストがありません。![写真の内容を説明する文]({target}) のように書いてください",
                    "image without alt text",
                )
            # Where the photo is and whether it opens is checked by ward_content.images.
        for tag in _HTML_IMAGE.findall(line):
            if not re.search(r"\salt\s*=\s*[\"']?[^\s\"'>]", tag, re.I):
                add(
                    '<img> に代替テキストがありません。alt="画像の内容を説明する文" を書いてください',
                    "image without alt text",
                )
        for text, target in _MD_LINK.findall(line):
            if text.strip().lower() in _VAGUE_LINK_TEXT:
                add(
                    f"リンクの文字「{text}」では行き先がわかりません。「花火大会の会場案内」のように行き先を書いてください",
                    "vague link text",
                )
            _check_target(target, source, exists, add)
    return errors


def _check_target(target: str, rel_path: str, exists: Callable[[str], bool], add: Callable[..., None]) -> None:
    """A `{filename}`/`{static}` or relative link must name a file under content/."""
    # `jav&#x61;script:` is a scheme once the browser decodes it; the allow-list reports such links.
    target = html.unescape(target).split("#", 1)[0].split("?", 1)[0]
    if not target:
        return
    prefixed = _LOCAL_PREFIX.match(target)
    if prefixed:
        path = target[prefixed.end() :]
    elif _EXTERNAL.match(target):
        return
    else:
        path = target
    if path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel_path), path))
    if resolved == ".." or resolved.startswith("../"):
        add(
            f"リンク先「{path}」は content/ の外を指しています。content/ の中のファイルだけを指してください",
            "link outside content",
        )
    elif (
        prefixed
        and prefixed.group(1) == "filename"
        and not resolved.endswith((".md", ".markdown"))
        and exists(resolved)
    ):
        add(
            f"「{path}」はページではなくファイルです。{{filename}} ではなく {{static}}{path} と書いてください",
            "use {static} for files",
        )
    elif not prefixed and exists(resolved):
        # Pelican rewrites only {filename} and {static} links: a bare b.md stays b.md, a dead link on the page.
        prefix = "{filename}" if resolved.endswith((".md", ".markdown")) else "{static}"
        add(
            f"リンク「{path}」は {prefix}{path} と書いてください（{prefix} を付けると、公開するページの場所に置き換わります）",
            "link without {filename} or {static}",
        )
    elif not exists(resolved):
        add(
            f"リンク先のファイル「{path}」が見つかりません。ファイル名と場所を確かめてください"
            "（content/ からの場所は {filename}/news/… のように書けます）",
            "link to missing file",
        )

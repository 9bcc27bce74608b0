"""What the sanitiser would remove from a body, as located messages for the writer."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from .bounds import prose_lines
from .errors import ContentError
from .markdown_render import make_converter
from .sanitize import CLEAN_CONTENT_TAGS, Removal, filter_attribute, other_host_source, removals

_local = threading.local()
_FIELD = "本文"
_EVENT_HANDLER = re.compile(r"^on[a-z]+$")
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.I)


def check_html(body: str, body_line: int, shown: str) -> list[ContentError]:
    """Render the body and report, on its nearest source line, everything the allow-list removes."""
    if not could_lose_anything(body):
        return []
    # The unsanitised rendering: the comparison needs what the writer asked for.
    try:
        html = _converter().reset().convert(body)
    except RecursionError:
        return [too_deep(body_line, shown)]
    return rendering_problems(html, body, body_line, shown)


def too_deep(body_line: int, shown: str) -> ContentError:
    """A body Markdown cannot render within Python's recursion limit."""
    message = "本文の入れ子（引用・箇条書き・強調・HTML）が深すぎて読めません。段を浅くしてください"
    return ContentError(shown, body_line, _FIELD, message, "nesting too deep")


def rendering_problems(
    html: str, body: str, body_line: int, shown: str, sanitized: str | None = None
) -> list[ContentError]:
    """What the allow-list removes from `html` (the body's unsanitised rendering; `sanitized`, the
    sanitiser's output when the caller has it), located in `body`."""
    found = removals(html, sanitized)
    if not found:
        return []
    locate = _Locator(body, body_line)
    errors = []
    for removal in found:
        message, code = describe(removal)
        errors.append(ContentError(shown, locate(removal), _FIELD, message, code))
    return sorted(set(errors))


# Raw HTML, attribute lists, entities, URL schemes (a letter, then ":") and addresses on another host
# ("//host", an image the allow-list refuses) need one of these; without them Markdown writes only
# allowed elements, and only a heading named "main" or "ward-…" gives a refused id.
_RISKY_CHARACTERS = re.compile(r"[<{&]|[A-Za-z0-9+.-]:|//")
_RISKY_HEADING = re.compile(r"^[#\t ]*(?:main|ward)\b", re.I | re.M)  # not \s: it spans blank lines, quadratically


def could_lose_anything(body: str) -> bool:
    """False when the allow-list cannot remove anything from this body's rendering (most plain bodies)."""
    return bool(_RISKY_CHARACTERS.search(body) or _RISKY_HEADING.search(body))


def _converter():
    # One per thread, as in `rendering`: building one per file would double the cost of a check, and
    # Markdown objects are not thread-safe. It holds no content between documents (it is reset).
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = make_converter()
    return converter


OTHER_HOST_IMAGE = (
    "ほかのサイトの画像「{target}」は載せられません（ページを開いた人の情報がそのサイトに送られるため）。"
    "画像を content/images/ に置いて ![説明](images/ファイル名) と書くか、画像ではなくリンクにしてください"
)


def describe(removal: Removal) -> tuple[str, str]:
    """The Japanese message and the English code for one removal."""
    tag, attribute, value = removal.tag, removal.attribute, removal.value
    if attribute is None:
        if tag == "script":
            return "<script> は使えません。動きのある部品が必要なときは広報担当の開発者に相談してください", (
                "raw <script> in content"
            )
        if tag in ("iframe", "object", "embed", "frame"):
            return f"<{tag}> は使えません。地図や動画は外部サイトへのリンクにしてください", f"raw <{tag}> in content"
        what = "中身ごと" if tag in CLEAN_CONTENT_TAGS else "タグが"
        return (
            f"<{tag}> はページに載せられない HTML のため、{what}取り除かれます。"
            "消すか、Markdown の書き方（見出しは ##、表は | 、強調は ** など）に直してください",
            "HTML element not allowed",
        )
    if _EVENT_HANDLER.match(attribute):
        return "HTML の on〜= 属性（イベント処理）は使えません。消してください", "inline event handler in content"
    elsewhere = other_host_source(value) if tag in ("img", "source") and attribute in ("src", "srcset") else None
    if elsewhere is not None:
        return OTHER_HOST_IMAGE.format(target=elsewhere), "image from another site"
    if attribute in ("href", "src", "cite", "srcset"):
        scheme = _SCHEME.match(re.sub(r"[\t\n\r]", "", value))
        name = scheme.group(1).lower() if scheme else ""
        if name in ("javascript", "vbscript"):
            return "javascript: のリンクは使えません", "javascript: URL in content"
        return (
            f"「{name}:」で始まるリンクや画像は使えません。https:// で始まるアドレス、mailto:、tel: か、"
            "サイト内の場所（{static}/images/… など）を書いてください",
            "URL scheme not allowed",
        )
    if attribute == "class":
        kept = (filter_attribute(tag, "class", value) or "").split()
        value = " ".join(name for name in value.split() if name not in kept)
        return (
            f"class「{value}」は使えません（サイトの見た目の部品と混ざるため）。消してください",
            "class not allowed",
        )
    if attribute == "id":
        return (
            f"id「{value}」は使えません（ward- で始まる名前と main はサイトが使っています。"
            "100字以内で、空白や記号 \" ' < > & を含めないでください）",
            "id not allowed",
        )
    if attribute == "style":
        return (
            "style 属性は使えません（表の左・中央・右寄せだけは Markdown の表の書き方で指定できます）。消してください",
            "style not allowed",
        )
    return f"<{tag}> の {attribute} 属性は使えません。消してください", "HTML attribute not allowed"


class _Locator:
    """The nearest source line of a removal; repeated removals of one kind move down the body."""

    def __init__(self, body: str, body_line: int):
        self.body_line = body_line
        self.lines = prose_lines(body)
        self.last: dict[tuple, int] = {}

    def __call__(self, removal: Removal) -> int:
        key = (removal.tag, removal.attribute)
        for pattern in _patterns(removal):
            number = self._find(pattern, self.last.get(key, -1))
            if number is not None:
                self.last[key] = number
                return self.body_line + number
        return self.body_line

    def _find(self, matches: Callable[[str], bool], after: int) -> int | None:
        ordered = [i for i, _ in self.lines if i > after] + [i for i, _ in self.lines if i <= after]
        text = dict(self.lines)
        return next((i for i in ordered if matches(text[i])), None)


def _patterns(removal: Removal) -> list[Callable[[str], bool]]:
    tag, attribute, value = removal.tag, removal.attribute, removal.value
    tag_re = re.compile(rf"<\s*{re.escape(tag)}\b", re.I)
    if attribute is None:
        return [tag_re.search]
    found = []
    stripped = value.strip()
    if stripped:
        found.append(lambda line, v=stripped: v in line)
        tail = value.split(":", 1)[-1].strip()
        if len(tail) >= 4:
            found.append(lambda line, t=tail: t in line)
    found.append(re.compile(rf"\b{re.escape(attribute)}\s*=", re.I).search)
    if attribute == "class":
        found += [lambda line, v=name: f".{v}" in line for name in value.split()]
    if attribute == "id":
        found.append(lambda line, v=value: f"#{v}" in line)
    found.append(tag_re.search)
    return found

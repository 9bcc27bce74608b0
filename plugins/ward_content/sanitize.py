"""The allow-list for rendered bodies (nh3, the Ammonia binding), and what it removed from a body.

Staff write Markdown and some HTML; only what is listed here reaches a page. `sanitize` is what
every page body goes through; `removals` compares the rendered HTML with the sanitised HTML so a
removed element or attribute is reported to the writer instead of vanishing silently.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = frozenset(
    {
        *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("a", "img", "picture", "source", "figure", "figcaption"),
        *("details", "summary", "blockquote", "q", "cite", "pre", "code", "kbd", "samp", "var"),
        *("ruby", "rt", "rp", "rb", "abbr", "dfn", "time", "small", "strong", "em", "b", "i", "s"),
        *("mark", "sub", "sup", "del", "ins", "wbr"),
    }
)
# Removed with everything inside: their content is code or markup for another parser, never text.
CLEAN_CONTENT_TAGS = frozenset(
    {"script", "style", "template", "noscript", "svg", "math", "object", "embed", "iframe", "frame", "textarea"}
)
_GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": frozenset({"href", "rel", "hreflang"}),
    # data-ward-photo: written by our Markdown extension (markdown_images) for the responsive_images plugin.
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes", "data-ward-photo"}),
    "source": frozenset({"srcset", "sizes", "type", "media", "width", "height"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style", "abbr"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Classes our Markdown extensions write; anything else would borrow the theme's styles.
ALLOWED_CLASSES: dict[str, frozenset[str]] = {
    "a": frozenset({"ward-external", "footnote-ref", "footnote-backref"}),
    "div": frozenset({"footnote", "toc"}),
}
_CODE_CLASS = re.compile(r"^language-[^\s\"'<>&]{1,40}$")
# Table alignment from Markdown is the only inline style.
_STYLE = re.compile(r"^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$", re.I)
_ID = re.compile(r"^[^\s\"'<>&]{1,100}$")
# The theme's own ids and classes live in this namespace; a body must not shadow them.
RESERVED_ID_PREFIXES = ("ward-",)
RESERVED_IDS = frozenset({"main"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_UNSAFE_PATH = re.compile(r"[\\:\x00-\x1f\"'<>]")
# An image is fetched when the page opens: from another host, the resident's address goes to that host.
_OTHER_HOST = re.compile(r"^(https?:)?[/\\]{2}", re.I)
_IMAGE_TAGS = frozenset({"img", "source"})


def _class_ok(tag: str, name: str) -> bool:
    if tag == "code":
        return bool(_CODE_CLASS.match(name))
    return name in ALLOWED_CLASSES.get(tag, frozenset())


def _srcset_ok(value: str) -> bool:
    for candidate in value.split(","):
        url = candidate.strip().split(" ", 1)[0]
        scheme = _SCHEME.match(_squash_url(url))
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            return False
    return True


def is_other_host(url: str) -> bool:
    """An http(s): or protocol-relative address: fetched from another host, not from this site."""
    return bool(_OTHER_HOST.match(_squash_url(html_module.unescape(url))))


def other_host_source(value: str) -> str | None:
    """The first address of an image's src or srcset that is on another host, if any."""
    for candidate in value.split(","):
        url = candidate.strip().split(" ", 1)[0]
        if is_other_host(url):
            return url
    return None


def _squash_url(url: str) -> str:
    # Browsers drop tabs and newlines inside URLs and leading spaces/controls before the scheme.
    return re.sub(r"[\t\n\r]", "", url).lstrip("\x00 \x0b\x0c")


def filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """The value kept for an allowed attribute (part of a class list), or None to drop it."""
    if attribute == "class":
        kept = [name for name in value.split() if _class_ok(tag, name)]
        return " ".join(kept) or None
    if attribute == "id":
        ok = _ID.match(value) and value not in RESERVED_IDS and not value.startswith(RESERVED_ID_PREFIXES)
        return value if ok else None
    if attribute == "style":
        return value if _STYLE.match(value) else None
    if tag in _IMAGE_TAGS and attribute in ("src", "srcset") and other_host_source(value) is not None:
        return None
    if attribute == "srcset":
        return value if _srcset_ok(value) else None
    if attribute == "data-ward-photo":
        # A content-relative photo path, read by the responsive_images plugin: never outside content/.
        parts = value.split("/")
        ok = value and not value.startswith("/") and ".." not in parts and not _UNSAFE_PATH.search(value)
        return value if ok else None
    return value


def _attributes_map(names: dict[str, frozenset[str]]) -> dict[str, set[str]]:
    return {tag: set(values) for tag, values in names.items()}


def sanitize(html: str) -> str:
    """The HTML with only allowed elements, attributes and URL schemes; comments dropped."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes=_attributes_map(ALLOWED_ATTRIBUTES),
        attribute_filter=filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


@dataclass(frozen=True)
class Removal:
    """An element (attribute None) or an attribute that the sanitiser took out of a body."""

    tag: str
    attribute: str | None = None
    value: str = ""


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    parent: int | None


class _TreeParser(HTMLParser):
    """Elements in document order with their parents; html5ever's serialisation closes every element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[_Element] = []
        self.stack: list[int] = []

    def handle_starttag(self, tag, attrs):
        parent = self.stack[-1] if self.stack else None
        self.elements.append(_Element(tag, {k: v or "" for k, v in attrs}, parent))
        if tag not in _VOID:
            self.stack.append(len(self.elements) - 1)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(_Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1] if self.stack else None))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.elements[self.stack[depth]].tag == tag:
                del self.stack[depth:]
                return


def _elements(html: str) -> list[_Element]:
    parser = _TreeParser()
    parser.feed(html)
    parser.close()
    return parser.elements


def _permissive(html: str, seen: list[_Element]) -> str:
    """The same HTML parsed and serialised by the same parser, with nothing removed but comments."""
    schemes = set(URL_SCHEMES)
    for element in seen:
        for value in element.attrs.values():
            found = _SCHEME.match(_squash_url(value))
            if found:
                schemes.add(found.group(1).lower())
    return nh3.clean(
        html,
        tags={e.tag for e in seen} | set(ALLOWED_TAGS),
        clean_content_tags=set(),
        attributes={"*": {name for e in seen for name in e.attrs} | set(_GLOBAL_ATTRIBUTES)},
        url_schemes=schemes,
        link_rel=None,
        strip_comments=True,
    )


def _fits(elements: list[_Element]) -> bool:
    """True when nothing in the parsed HTML falls outside the allow-list (the common case)."""
    for element in elements:
        if element.tag not in ALLOWED_TAGS:
            return False
        allowed = ALLOWED_ATTRIBUTES.get(element.tag, frozenset()) | _GLOBAL_ATTRIBUTES
        for name, value in element.attrs.items():
            if name not in allowed or filter_attribute(element.tag, name, value) != value:
                return False
            if name in _URL_ATTRIBUTES:
                scheme = _SCHEME.match(_squash_url(value))
                if scheme and scheme.group(1).lower() not in URL_SCHEMES:
                    return False
    return True


def removals(html: str, sanitized: str | None = None) -> list[Removal]:
    """Every element and attribute `sanitize` takes out of `html` (`sanitized`, when the caller has
    it already), in document order.

    Both sides are serialised by html5ever (nh3) first, with everything allowed on one side, so
    the comparison sees one parser's tree twice and never a difference between two parsers.
    """
    if sanitized is None:
        sanitized = sanitize(html)
    if sanitized == html:
        # Given back unchanged, it lost nothing: html5ever writes Markdown's HTML back as it was for
        # nearly every body, and the comparison below parses in pure Python (a tenth of loading).
        return []
    seen = _elements(html)
    if _fits(seen):
        return []
    before = _elements(_permissive(html, seen))
    after = _elements(sanitized)
    found: list[Removal] = []
    dropped: set[int] = set()  # elements removed, whose content then goes too or is reported once
    kept: list[int] = []
    for index, element in enumerate(before):
        if _inside_cleaned(before, element.parent, dropped):
            dropped.add(index)
            continue
        if element.tag not in ALLOWED_TAGS:
            dropped.add(index)
            found.append(Removal(element.tag))
            continue
        kept.append(index)
    if len(kept) != len(after):
        # The trees disagree in a way this comparison does not follow: still say something was removed.
        return found or [Removal("html")]
    for index, result in zip(kept, after, strict=True):
        element = before[index]
        for name, value in element.attrs.items():
            if result.attrs.get(name) != value:
                found.append(Removal(element.tag, name, value))
    return found


def _inside_cleaned(before: list[_Element], index: int | None, dropped: set[int]) -> bool:
    while index is not None:
        if index in dropped and before[index].tag in CLEAN_CONTENT_TAGS:
            return True
        index = before[index].parent
    return False

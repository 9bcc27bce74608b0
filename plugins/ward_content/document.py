"""Loading one content file into a validated Document, or every located problem in it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .body_checks import check_body
from .bounds import (
    control_characters,
    control_message,
    control_values,
    html_depth_problem,
    markup_density_problem,
    nesting_problem,
    unclosed_markup_problem,
)
from .errors import ContentError, ContentErrors
from .files import is_file
from .frontmatter import FrontMatter, decode, split
from .html_checks import check_html
from .images import PhotoChecks, body_image_refs, field_image_refs, image_errors
from .kinds import Kind
from .limits import DEFAULT_LIMITS, Limits
from .placeholders import body_placeholders, front_placeholders
from .registry import ContentTypes
from .schemas.base import SLUG_PATTERN, WardModel
from .slugs import propose_slug
from .sources import CONTENT_SUFFIXES as CONTENT_SUFFIXES  # re-exported
from .sources import file_problems


@dataclass(frozen=True)
class Document:
    """A content file that passed validation: its type, typed metadata and Markdown body."""

    root: Path  # the content folder
    rel_path: str  # posix path relative to the content folder
    shown: str  # the path as staff see it from the project folder: content/news/x.md
    kind: Kind
    folder: str  # the kind's folder the file sits in
    meta: WardModel
    front: FrontMatter

    @cached_property
    def slug(self) -> str:
        """From `slug:` or else the file name; always lowercase ASCII (validated)."""
        return getattr(self.meta, "slug", None) or Path(self.rel_path).stem

    @cached_property
    def url(self) -> str:
        """The output URL, e.g. `news/hanabi/`."""
        return self.kind.url_for(self.folder, self.slug)

    @cached_property
    def photo_refs(self) -> tuple:
        """Every photo the document shows (`![…](…)` in the body, `image:` fields), as resolved when it loaded."""
        refs = list(body_image_refs(self.front.body, self.front.body_line, self.rel_path, self.root))
        refs += field_image_refs(self.meta, self.front, self.rel_path, self.root)
        return tuple(refs)

    @cached_property
    def site_links(self) -> tuple[tuple[int, str], ...]:
        """(line, target) of every `/…` link in the body, for the check of links across the site."""
        from .site_links import body_links

        return tuple(body_links(self.front.body, self.front.body_line))

    @property
    def is_draft(self) -> bool:
        """`status: draft`, the one way every kind marks a draft: checked, previewed under /drafts/, never published."""
        return getattr(self.meta, "status", "published") == "draft"

    @property
    def body(self) -> str:
        """The Markdown after the front matter."""
        return self.front.body

    @property
    def title(self) -> str:
        """The title (or name) as staff wrote it."""
        return str(getattr(self.meta, self.kind.title_field))

    def line_of(self, field: str) -> int:
        """The source line of a front-matter field."""
        return self.front.line_of(field)


def display_path(content_root: Path, rel_path: str) -> str:
    """`content/news/x.md` as staff see it from the project folder."""
    return f"{content_root.name}/{rel_path}"


def load_document(
    content_root: Path,
    rel_path: str,
    types: ContentTypes,
    limits: Limits = DEFAULT_LIMITS,
    own_hosts: frozenset[str] = frozenset(),
    photo_checks: PhotoChecks | None = None,
    refused: list[ContentError] | None = None,
) -> Document:
    """Read, decode, parse and validate one file; raise ContentErrors with every problem found.

    A link out of content/, an oversized file or a control character stops here, before parsing;
    `refused` is the file's `file_problems` when the caller has already scanned it.
    """
    shown = display_path(content_root, rel_path)
    if refused is None:
        refused = file_problems(content_root, rel_path, limits)
    if refused:
        raise ContentErrors(refused)
    text = decode((content_root / rel_path).read_bytes(), shown)
    controls = control_characters(text, shown, _front_end(text))
    if controls:
        raise ContentErrors(controls)
    front = split(text, shown)
    return validate(content_root, rel_path, front, types, limits, own_hosts, photo_checks)


def _front_end(text: str) -> int | None:
    """The line of the closing `---`, if any (a control character after it is in the body)."""
    lines = text.split("\n", 2000)
    if not lines or lines[0].strip() != "---":
        return None
    return next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), None)


def validate(
    content_root: Path,
    rel_path: str,
    front: FrontMatter,
    types: ContentTypes,
    limits: Limits = DEFAULT_LIMITS,
    own_hosts: frozenset[str] = frozenset(),
    photo_checks: PhotoChecks | None = None,
) -> Document:
    """Schema, slug and body checks for parsed front matter; all problems at once."""
    shown = display_path(content_root, rel_path)
    owner = types.kind_for(rel_path)
    if owner is None:
        folders = "、".join(f"content/{f}/" for f in types.folders())
        raise ContentErrors(
            [
                ContentError(
                    shown,
                    1,
                    "",
                    f"このフォルダにはページを置けません。次のどれかに置いてください: {folders}",
                    "file outside the content folders",
                )
            ]
        )
    kind, folder = owner
    errors = _unknown_fields(kind, front, shown, types.kinds)
    left, unfilled = front_placeholders(front, shown)
    errors += left
    errors += [
        ContentError(shown, front.line_of(field), field, control_message(character), "control character")
        for field, character in control_values(front.data)
    ]
    known = {k: v for k, v in front.data.items() if k in kind.schema.model_fields}
    meta = None
    try:
        meta = kind.schema.model_validate(known)
    except ValidationError as exc:
        translated = [_translate(error, front, shown) for error in exc.errors()]
        # A placeholder is reported once, as a placeholder, not again as "not a date".
        errors += [e for e in translated if not any(_within(e.field, f) for f in unfilled)]
    if not front.data.get("slug"):
        errors += _check_file_slug(rel_path, str(known.get(kind.title_field, "")), shown)
    errors += _check_slug_length(front, rel_path, shown, limits)
    # Rendering is what a deep or dense body makes expensive, and the line checks below read links and tags
    # with patterns whose time grows with the square of unclosed `[` or `<`: both wait until it is bounded.
    unclosed = unclosed_markup_problem(front.body, front.body_line, shown)
    costly = (
        [unclosed]
        if unclosed
        else [
            problem
            for problem in (
                nesting_problem(front.body, front.body_line, shown, limits.nesting),
                html_depth_problem(front.body, front.body_line, shown, limits.nesting),
                markup_density_problem(front.body, front.body_line, shown, limits.markup_per_paragraph),
            )
            if problem
        ]
    )
    if costly:
        raise ContentErrors([*errors, *costly])
    errors += check_body(front.body, front.body_line, shown, lambda p: is_file(content_root / p), rel_path)
    photos = list(body_image_refs(front.body, front.body_line, rel_path, content_root))
    if meta is not None:
        photos += field_image_refs(meta, front, rel_path, content_root)
    errors += image_errors(iter(photos), shown, content_root, photo_checks)
    errors += body_placeholders(front.body, front.body_line, shown)
    if errors:
        errors += check_html(front.body, front.body_line, shown)
        raise ContentErrors(errors)
    doc = Document(root=content_root, rel_path=rel_path, shown=shown, kind=kind, folder=folder, meta=meta, front=front)
    doc.__dict__["photo_refs"] = tuple(photos)  # what `Document.photo_refs` would find again
    # Rendered once, as the page renders it: the check and the page share the rendering.
    from .rendering import checked_html

    problems = checked_html(doc, own_hosts)
    if problems:
        raise ContentErrors(problems)
    return doc


def _within(field: str, outer: str) -> bool:
    return field == outer or field.startswith(outer + ".")


def _other_kind(kind: Kind, unknown: list[str], kinds) -> Kind | None:
    """The kind whose fields the unknown ones are: an event written in content/news/ has start and venue."""
    scored = [(sum(name in k.schema.model_fields for name in unknown), -i, k) for i, k in enumerate(kinds)]
    best = max((entry for entry in scored if entry[2] is not kind and entry[2].folders), default=None)
    return best[2] if best and best[0] else None


def _unknown_fields(kind: Kind, front: FrontMatter, shown: str, kinds=()) -> list[ContentError]:
    allowed = list(kind.schema.model_fields)
    unknown = [name for name in front.data if name not in allowed]
    other = _other_kind(kind, unknown, kinds)
    errors = []
    for name in unknown:
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"「{close[0]}」ですか？" if close else f"使える項目: {', '.join(allowed)}"
        if other is not None and name in other.schema.model_fields:
            # Said before a look-alike ("start" is not a typo of "status"): the file is in the wrong folder.
            where = "、".join(f"content/{folder}/" if folder else "content/" for folder in other.folders[:3])
            more = " など" if len(other.folders) > 3 else ""
            hint = f"{kind.label}ではなく{other.label}の項目です。そのページなら {where}{more} に置いてください"
        if name == "draft" and "status" in allowed:  # the old way for events and campaigns
            hint = "下書きはどの種類でも status: draft と書きます（draft: の行は消してください）"
        errors.append(
            ContentError(shown, front.line_of(name), name, f"「{name}」という項目はありません。{hint}", "unknown field")
        )
    return errors


def _check_slug_length(front: FrontMatter, rel_path: str, shown: str, limits: Limits) -> list[ContentError]:
    slug = str(front.data.get("slug") or Path(rel_path).stem)
    if len(slug) <= limits.slug_length:
        return []
    line = front.line_of("slug") if "slug" in front.lines else 1
    return [
        ContentError(
            shown,
            line,
            "slug",
            f"URL に使う名前が長すぎます（{len(slug)}字、{limits.slug_length}字まで）。短い英数字名にしてください",
            "slug too long",
        )
    ]


def _check_file_slug(rel_path: str, title: str, shown: str) -> list[ContentError]:
    stem = Path(rel_path).stem
    if SLUG_PATTERN.match(stem):
        return []
    proposal = propose_slug(title or stem)
    return [
        ContentError(
            shown,
            1,
            "slug",
            f"ファイル名「{stem}」は URL に使えません。半角の小文字英数字とハイフンにしてください。"
            f"例えば {proposal}.md に名前を変えるか、slug: {proposal} と書いてください",
            "file name is not a lowercase ASCII slug",
        )
    ]


_MESSAGES = {
    "missing": "必須の項目です。{field}: を書いてください",
    "string_type": "文字で書いてください",
    "int_type": "半角数字（整数）で書いてください",
    "int_parsing": "半角数字（整数）で書いてください",
    "int_from_float": "整数で書いてください（小数点は使えません）",
    "float_type": "数で書いてください（例: 35.34）",
    "float_parsing": "数で書いてください（例: 35.34）",
    "bool_type": "true（はい）か false（いいえ）で書いてください",
    "bool_parsing": "true（はい）か false（いいえ）で書いてください",
    "list_type": "一覧で書いてください（各行を「- 」で始めます）",
    "model_type": "下の行に字下げして「項目: 値」を並べてください",
    "dict_type": "下の行に字下げして「項目: 値」を並べてください",
    "string_too_short": "空欄にはできません",
    "too_short": "少なくとも{min_length}件書いてください",
    "greater_than_equal": "{ge}以上の値にしてください",
    "less_than_equal": "{le}以下の値にしてください",
    "greater_than": "{gt}より大きい値にしてください",
    "less_than": "{lt}より小さい値にしてください",
}


_PAIR = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,、，]\s*(-?\d+(?:\.\d+)?)\s*$")


def _translate(error: Any, front: FrontMatter, shown: str) -> ContentError:
    """One pydantic error as a located Japanese message."""
    field = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    ctx = error.get("ctx", {})
    given = error.get("input")
    if kind in ("literal_error", "enum"):
        allowed = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        message = f"「{given}」は使えません。次のどれかを書いてください: {allowed}"
    elif kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
    elif "message" in ctx:  # raised by our validators with content_error(): already Japanese
        message = ctx["message"]
    elif kind == "string_type" and isinstance(given, (list, dict)):
        shape = "一覧（[ ]）" if isinstance(given, list) else "項目のまとまり（{ }）"
        message = (
            f"値がかっこで始まっているため、{shape}と読まれました。かっこを含む文字として書くときは、"
            '値全体を " で囲んでください（例: title: "[未定]花火大会"）'
        )
    elif kind == "float_parsing" and isinstance(given, str) and _PAIR.match(given):
        # "35.3378, 139.6243" as a map app copies it: two numbers where one is wanted.
        first, second = _PAIR.match(given).groups()
        message = (
            f"「{given}」: 数が2つあります。地図のアプリからコピーした「緯度, 経度」なら、"
            f"latitude: {first} と longitude: {second} の2行に分けて書いてください"
        )
    elif kind in _MESSAGES:
        message = _MESSAGES[kind].format(field=field, **ctx)
        if kind != "missing" and given is not None and not isinstance(given, (dict, list)):
            message = f"「{given}」: {message}"
    else:
        message = f"値が正しくありません: {error['msg']}"
    return ContentError(shown, front.line_of(field), field, message, _code(kind))


def _code(kind: str) -> str:
    return {
        "missing": "missing required field",
        "literal_error": "value not allowed",
        "enum": "value not allowed",
        "value_error": "invalid value",
    }.get(kind) or _type_code(kind)


def _type_code(kind: str) -> str:
    expected, _, problem = kind.partition("_")
    return f"wrong type: expected {expected}" if problem in ("type", "parsing") else kind.replace("_", " ")

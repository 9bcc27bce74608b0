"""Photos named in content: where `![説明](images/x.jpg)` and `image:` point, and whether the file is usable.

Staff write a photo's place the way they see it: relative to the Markdown file
(`![…](hanabi.jpg)` next to it, `../images/hanabi.jpg`) or relative to content/
(`images/hanabi.jpg`); `{static}/images/…` and `/images/…` are content-relative too. The file
next to the Markdown wins when both exist. The image itself is opened by Pillow here, so a
missing file, a non-image, a damaged file and a decompression bomb are located problems in
`invoke check` and in the build, before any encoding.
"""

from __future__ import annotations

import posixpath
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image, UnidentifiedImageError

from .errors import ContentError
from .files import is_file
from .sanitize import is_other_host
from .verdicts import Unsettled, Verdicts, checker_version

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
PHOTO_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
# Just under Pillow's own bomb limit (89.5 megapixels): a 50-megapixel camera's photo passes; a
# larger "image" is refused from its header, before anything is decoded.
MAX_PIXELS = 89_000_000
_PREFIX = re.compile(r"^\{(static|attach|filename)\}")
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.I)
BODY = "本文"
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)")


@dataclass(frozen=True)
class ImageRef:
    """A photo named by a document: the text as written, its source line and field, and the file it means."""

    written: str
    line: int
    field: str
    resolved: str | None  # content-relative path; None when no such file exists


def is_external(src: str) -> bool:
    """http(s):, data: and protocol-relative URLs are not files under content/."""
    return bool(_EXTERNAL.match(src.strip()))


def resolve_image(src: str, md_rel_path: str | None, root: Path) -> str | None:
    """The content-relative path of an existing file `src` means, or None; never outside content/."""
    path = _PREFIX.sub("", src.strip()).split("#", 1)[0].split("?", 1)[0]
    if not path or is_external(path):
        return None
    candidates = []
    if path.startswith("/") or _PREFIX.match(src.strip()):
        candidates.append(path.lstrip("/"))
    else:
        if md_rel_path:
            candidates.append(posixpath.join(posixpath.dirname(md_rel_path), path))
        candidates.append(path)
    for candidate in candidates:
        normal = posixpath.normpath(candidate)
        if normal.startswith(("../", "/")) or normal in ("..", "."):
            continue
        if is_file(root / normal):
            return normal
    return None


def image_problem(source: Path | BinaryIO) -> tuple[str, str] | None:
    """(Japanese message, English code) when the file cannot be published as a photo, else None.

    JPEGs are decoded at 1/8 scale (draft), so checking a 50-megapixel photo stays cheap.
    """
    return _judge(source)[0]


def _judge(source: Path | BinaryIO) -> tuple[tuple[str, str] | None, bool]:
    """image_problem's answer, and whether it holds for these bytes (False: the system failed to read
    them this time, an OSError with an error number, which Pillow's own decoding errors never carry)."""
    try:
        with warnings.catch_warnings():
            # Pillow warns from 89.5 megapixels; our own limit, just below, gives the staff message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(source)
        with image:
            if image.format not in PHOTO_FORMATS:
                return (
                    f"写真は JPEG・PNG・WebP にしてください（このファイルは {image.format} です）。"
                    "写真のアプリで JPEG として書き出してから置いてください",
                    "unsupported image format",
                ), True
            width, height = image.size
            if width * height > MAX_PIXELS:
                return (
                    f"画像が大きすぎます（{width}×{height} ピクセル、{width * height // 1_000_000} 百万画素）。"
                    f"{MAX_PIXELS // 1_000_000} 百万画素以下に縮小してから置いてください",
                    "image too large (decompression bomb)",
                ), True
            if image.format == "JPEG":
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except Image.DecompressionBombError:
        return (
            f"画像が大きすぎます（{MAX_PIXELS // 1_000_000} 百万画素を超えています）。縮小してから置いてください",
            "image too large (decompression bomb)",
        ), True
    except UnidentifiedImageError:
        return (
            "画像として読めないファイルです。写真を JPEG・PNG・WebP で保存し直してから置いてください",
            "not an image",
        ), True
    except (OSError, SyntaxError, ValueError) as exc:
        return (
            f"画像ファイルが壊れています（{exc}）。元の写真からもう一度書き出して置き直してください",
            "damaged image",
        ), not (isinstance(exc, OSError) and exc.errno is not None)
    return None, True


def body_image_refs(body: str, body_line: int, md_rel_path: str, root: Path) -> Iterator[ImageRef]:
    """`![説明](…)` in a Markdown body (not in code blocks), each with its line."""
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        for _alt, target in _MD_IMAGE.findall(line):
            if not is_external(target):
                yield ImageRef(target, body_line + offset, BODY, resolve_image(target, md_rel_path, root))


def field_image_refs(meta: Any, front, md_rel_path: str, root: Path) -> Iterator[ImageRef]:
    """Every `Image` (src, alt) in the validated front matter (`image`, `images.0`...), with its line."""
    from .schemas.base import Image as ImageField

    def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
        if isinstance(value, ImageField):
            yield path, value
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                yield from walk(item, f"{path}.{index}")
        elif hasattr(value, "__class__") and hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), f"{path}.{name}" if path else name)

    for path, image in walk(meta, ""):
        field = f"{path}.src"
        if not is_external(image.src) or is_other_host(image.src):
            # An address on another host is reported by `image_errors` (the body's by the allow-list).
            yield ImageRef(image.src, front.line_of(field), field, resolve_image(image.src, md_rel_path, root))


def image_errors(
    refs: Iterator[ImageRef], shown: str, root: Path, checked: PhotoChecks | None = None
) -> list[ContentError]:
    """A located problem for every reference to a missing or unusable photo; `checked` holds the
    verdicts of the content set's photos (without it, each photo is decoded here)."""
    errors = []
    problems: dict[str, tuple[str, str] | None] = {}
    for ref in refs:
        if ref.resolved is None and is_other_host(ref.written):
            from .html_checks import OTHER_HOST_IMAGE  # html_checks renders Markdown; imported when needed

            message = OTHER_HOST_IMAGE.format(target=ref.written)
            errors.append(ContentError(shown, ref.line, ref.field, message, "image from another site"))
            continue
        if ref.resolved is None:
            near = nearest_image(ref.written, root)
            if near is not None and " " in near:
                where = (
                    f"ファイル「content/{near}」のことなら、名前に空白があるため読めません。ファイル名を"
                    "半角の小文字英数字とハイフン（例: hanabi-2027.jpg）に変えて、その名前を書いてください"
                )
            elif near is not None:
                where = f"「{near}」のことなら、{near} と書いてください"
                if not _PLAIN_NAME.match(near):
                    where += (
                        "。ファイル名に日本語や大文字があると間違えやすいので、"
                        "半角の小文字英数字とハイフンの名前（例: hanabi-2027.jpg）に変えるのがおすすめです"
                    )
            elif ref.field == BODY:
                where = (
                    "content/images/ に置いて ![説明](images/ファイル名) と書くか、"
                    "この Markdown ファイルからの場所を書いてください"
                )
            else:
                where = f"content/{ref.written.lstrip('/')} に置くか、src を直してください"
            errors.append(
                ContentError(
                    shown, ref.line, ref.field, f"画像「{ref.written}」が見つかりません。{where}", "image file missing"
                )
            )
            continue
        if not ref.resolved.lower().endswith(PHOTO_SUFFIXES):
            problem = (
                f"「{ref.written}」は写真のファイルではありません。写真は JPEG・PNG・WebP で置いてください",
                "not an image",
            )
        else:
            if ref.resolved not in problems:
                path = root / ref.resolved
                problems[ref.resolved] = checked.problem(path) if checked is not None else image_problem(path)
            problem = problems[ref.resolved]
        if problem:
            message, code = problem
            errors.append(ContentError(shown, ref.line, ref.field, f"画像「{ref.written}」: {message}", code))
    return errors


_PLAIN_NAME = re.compile(r"^[a-z0-9._/-]+$")


def nearest_image(written: str, root: Path) -> str | None:
    """The photo under content/ a missing reference most likely means, as a path to write, or None:
    the path written from the project folder (content/images/…), the same path in other capitals, the
    same file name in another folder, or a name with a space cut there by Markdown (images/花火 写真.jpg)."""
    wanted = posixpath.normpath(written.replace("\\", "/").lstrip("/"))
    if wanted.startswith("content/") and is_file(root / wanted.removeprefix("content/")):
        return wanted.removeprefix("content/")
    photos = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file() and not p.name.startswith(".")
    )
    lowered = wanted.lower().removeprefix("content/")
    name = posixpath.basename(lowered)
    for matches in (
        lambda rel: rel.lower() == lowered,
        lambda rel: posixpath.basename(rel).lower() == name,
        lambda rel: rel.lower().startswith(lowered + " "),
    ):
        found = [rel for rel in photos if matches(rel)]
        if found:
            return found[0]
    return None


class PhotoChecks:
    """Each photo's verdict (image_problem) for the documents of one content set.

    Remembered by path, size, times and inode, so a photo shown by a hundred articles is decoded once;
    and with `verdicts` (ward_content.verdicts) kept between builds by the photo's bytes, so an
    unchanged photo is not decoded again (a 1600×1200 JPEG costs 7 ms to decode, its hash 0.6 ms).
    """

    def __init__(self, verdicts: Verdicts | None = None):
        self.verdicts = verdicts
        self.seen: dict[tuple, tuple[str, str] | None] = {}

    def merge(self, other: PhotoChecks) -> None:
        """Take the verdicts another process reached (a forked copy's, sent back pickled)."""
        self.seen.update(other.seen)

    def problem(self, path: Path) -> tuple[str, str] | None:
        try:
            facts = path.stat()
        except OSError:
            return image_problem(path)
        # The inode and change time too: a photo copied over another of the same size with its old time
        # (cp -p, rsync -t) is still a new file.
        key = (str(path), facts.st_size, facts.st_mtime_ns, facts.st_ino, facts.st_ctime_ns)
        if key in self.seen:
            return self.seen[key]
        problem, lasting = self._judged(path)
        if lasting:  # a read the system failed this time is tried again at the next look
            self.seen[key] = problem
        return problem

    def _judged(self, path: Path) -> tuple[tuple[str, str] | None, bool]:
        if self.verdicts is None or self.verdicts.folder is None:
            return _judge(path)
        try:
            with path.open("rb") as stream:
                found, lasting = self.verdicts.judged(stream, _question(), _kept_check)
        except OSError:
            return _judge(path)[0], False  # gone or unreadable now: reported, never remembered
        return (found[0] if found else None), lasting


def _question() -> str:
    """What a photo's kept verdict depends on besides its bytes: Pillow's version, this module's
    source (the formats, the messages) and the pixel limit."""
    return f"photo {checker_version('pillow', __file__)} pixels={MAX_PIXELS}"


def _kept_check(stream: BinaryIO) -> list[tuple[str, str]]:
    problem, lasting = _judge(stream)
    found = [problem] if problem else []
    if not lasting:
        raise Unsettled(found)
    return found

"""Which files under content/ may be published: only the repository's own, of allowed types and bounded size.

Editors, Office and the OS leave lock and backup files beside the ones staff save; those are
ignored everywhere. Anything else that is not a page, a photo or a PDF is refused with a located
message, and so is a symbolic link that leads out of the content folder.
"""

from __future__ import annotations

import fnmatch
import os
import re
import warnings
from pathlib import Path

from PIL import Image

from .errors import ContentError
from .limits import DEFAULT_LIMITS, Limits
from .verdicts import Unsettled, Verdicts

# fnmatch patterns, compared case-insensitively with the file name (Pelican's IGNORE_FILES takes them too).
IGNORED_PATTERNS = (
    ".*",  # hidden: .DS_Store, .#x.md (Emacs lock), ._x (macOS), .~lock.x# (LibreOffice)
    "#*#",  # Emacs auto-save
    "*~",  # Emacs, gedit backup
    "*.save",  # nano
    "*.swp",
    "*.swo",  # vim
    "*.bak",
    "*.tmp",
    "~$*",  # Word, Excel lock
    "thumbs.db",
    "desktop.ini",
)
CONTENT_SUFFIXES = (".md", ".markdown")
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jfif", ".jpe", ".png", ".webp", ".gif"})
# .csv: data a plugin reads (content/data/evacuation_*.csv); plain text, no metadata to strip.
PUBLISHABLE_SUFFIXES = frozenset({*CONTENT_SUFFIXES, *IMAGE_SUFFIXES, ".pdf", ".csv"})
# How a PDF file starts (a few producers put bytes before it, so the first kilobyte is searched).
PDF_MAGIC = b"%PDF"
_REFUSED_HINTS = {
    ".svg": "SVG は中にプログラムを含められるため公開できません。PNG に書き出して置いてください",
    ".html": "HTML ファイルは中にプログラムを含められるため公開できません。Markdown のページにしてください",
    ".htm": "HTML ファイルは中にプログラムを含められるため公開できません。Markdown のページにしてください",
    ".tif": "TIFF は位置情報などを消せないため公開できません。JPEG か PNG で保存し直してください",
    ".tiff": "TIFF は位置情報などを消せないため公開できません。JPEG か PNG で保存し直してください",
}
_OFFICE_HINT = "作成者などの情報を消せないため公開できません。PDF に書き出して置いてください"


def pelican_ignore_files() -> list[str]:
    """IGNORE_FILES for Pelican, whose matching is case-sensitive: each pattern also as Windows writes it."""
    return sorted({*IGNORED_PATTERNS, "Thumbs.db", "Desktop.ini", "THUMBS.DB", "DESKTOP.INI"})


# The patterns as one expression (fnmatch.translate, as fnmatchcase matches each): one match a name.
_IGNORED = re.compile("|".join(f"(?:{fnmatch.translate(pattern)})" for pattern in IGNORED_PATTERNS))


def is_ignored(name: str) -> bool:
    """An editor, Office or OS lock or backup file (or any hidden file): never read, never published."""
    return _IGNORED.match(name.lower()) is not None


def _error(shown: str, message: str, code: str, line: int = 1, field: str = "") -> ContentError:
    return ContentError(shown, line, field, message, code)


def link_problem(content_root: Path, rel_path: str) -> ContentError | None:
    """A symbolic link that leads out of content/ or nowhere (followed or not, it is refused)."""
    path = content_root / rel_path
    if not path.is_symlink():
        return None
    shown = f"{content_root.name}/{rel_path}"
    target = Path(os.path.realpath(path))
    if not target.exists():
        return _error(
            shown, "リンク先のないショートカット（シンボリックリンク）です。消してください", "dangling symlink"
        )
    root = Path(os.path.realpath(content_root))
    if not target.is_relative_to(root):
        return _error(
            shown,
            f"{content_root.name}/ の外を指すショートカット（シンボリックリンク）は公開できません。"
            "ファイルそのものをここに置いてください",
            "symlink out of content",
        )
    return None


def file_problems(
    content_root: Path, rel_path: str, limits: Limits = DEFAULT_LIMITS, verdicts: Verdicts | None = None
) -> list[ContentError]:
    """Everything that keeps one file under content/ from being published, each located (a PDF's
    verdict kept in `verdicts`)."""
    shown = f"{content_root.name}/{rel_path}"
    linked = link_problem(content_root, rel_path)
    if linked:
        return [linked]
    path = content_root / rel_path
    suffix = path.suffix.lower()
    if suffix in CONTENT_SUFFIXES and path.suffix != suffix:
        # "hanabi.MD" is read by no one (pages end in lower-case .md), so the page would silently be missing.
        return [
            _error(
                shown,
                f"ファイル名の最後が「{path.suffix}」です。ページとして読まれないので、小文字の「{suffix}」にしてください"
                f"（{path.name} → {path.stem}{suffix}）",
                "upper-case file extension",
            )
        ]
    if suffix not in PUBLISHABLE_SUFFIXES:
        hint = _REFUSED_HINTS.get(suffix)
        if hint is None and Path(path.stem).suffix.lower() in CONTENT_SUFFIXES:
            # Notepad adds .txt to "hanabi.md", and Windows hides it.
            hint = (
                f"ファイル名が「{path.name}」になっています（メモ帳などが .txt を付けたようです）。"
                f"名前を {path.stem} に変えてください"
            )
        if hint is None and suffix in (".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods"):
            hint = f"Office の文書は{_OFFICE_HINT}"
        if hint is None:
            allowed = "、".join(sorted(PUBLISHABLE_SUFFIXES))
            hint = f"この種類のファイル（{suffix or '拡張子なし'}）は公開できません。置けるのは {allowed} です"
        return [_error(shown, hint, "file type not allowed")]
    size = path.stat().st_size
    if suffix in CONTENT_SUFFIXES:
        if size > limits.markdown_bytes:
            return [_too_big(shown, size, limits.markdown_bytes)]
        return []
    if size > limits.static_bytes:
        return [_too_big(shown, size, limits.static_bytes)]
    if suffix in IMAGE_SUFFIXES:
        return image_problems(path, shown, limits)
    if suffix == ".pdf":
        return pdf_problems(path, shown, limits, verdicts)
    return []


def _too_big(shown: str, size: int, limit: int) -> ContentError:
    return _error(
        shown,
        f"ファイルが大きすぎます（{size:,} バイト、{limit:,} バイトまで）。小さくするか分けてください",
        "file too large",
    )


def image_problems(path: Path, shown: str, limits: Limits) -> list[ContentError]:
    """The image's size from its header only: a decompression bomb is never decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                # Each frame of an animation is decoded onto the whole canvas: a GIF of a few hundred
                # bytes can hold thousands of 1-pixel frames on a 10000×10000 canvas.
                frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError:
        width = height = None
    except (OSError, ValueError, SyntaxError):
        return [
            _error(
                shown,
                "画像として読めないファイルです。撮影した写真を JPEG・PNG・WebP で保存し直してから置いてください"
                "（位置情報などを消せないため公開しません）",
                "unreadable image",
            )
        ]
    if width is None or width * height > limits.image_pixels:
        size = "とても大きな画像" if width is None else f"{width}×{height} 画素"
        return [
            _error(
                shown,
                f"画像の画素数が多すぎます（{size}、{limits.image_pixels:,} 画素まで）。縮小して保存し直してください",
                "image too large",
            )
        ]
    if width * height * frames > limits.image_pixels:
        return [
            _error(
                shown,
                f"動く画像が大きすぎます（{width}×{height} 画素が {frames:,} コマ、合わせて {limits.image_pixels:,} 画素まで）。"
                "コマ数を減らすか縮小して保存し直してください",
                "animation too large",
            )
        ]
    return []


def pdf_problems(path: Path, shown: str, limits: Limits, verdicts: Verdicts | None = None) -> list[ContentError]:
    """Page count and page size read by pypdf, before pdfium renders or reads anything of it; the
    verdict kept in `verdicts` for the same bytes, limits and checker."""
    from .pdf_bounds import PdfBoundsProblem, PdfNotRead, check_pdf_bounds, checker_version

    # A PDF beside a Markdown file of the same name (a bulletin issue's) is checked by that page's kind,
    # at its pdf: line; any other (content/files/…) only here, so `invoke check` says what the build would.
    own = path.with_suffix(".md").is_file()
    not_a_pdf = _error(
        shown,
        f"「{path.name}」は PDF ではありません（名前は .pdf ですが、中身が PDF の形式ではありません）。"
        "元の文書から PDF で保存し直して置いてください",
        "not a pdf",
    )

    def check(stream) -> list[tuple[str, str]]:
        try:
            check_pdf_bounds(stream, limits, must_open=not own)
        except PdfBoundsProblem as problem:
            found = [(problem.message_ja, problem.code)]
            if not problem.lasting:
                raise Unsettled(found) from None
            return found
        except PdfNotRead:
            raise Unsettled([]) from None
        return []

    question = (
        f"pdf bounds {checker_version()} must_open={not own} pages={limits.pdf_pages} points={limits.pdf_page_points}"
    )
    try:
        with path.open("rb") as stream:
            if not own and PDF_MAGIC not in stream.read(1024):
                return [not_a_pdf]
            stream.seek(0)
            found = (verdicts or Verdicts(None)).of(stream, question, check)
    except OSError:
        # Gone or unreadable since the walk: a bulletin's own PDF is judged by pdfium later, as before.
        return [] if own else [not_a_pdf]
    return [_error(shown, message, code) for message, code in found]


def links_out_of(folder: Path, shown_as: str) -> list[ContentError]:
    """Symbolic links under a source folder other than content/ (the theme) that lead out of it or nowhere."""
    errors = []
    root = Path(os.path.realpath(folder))
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(base, name)
            if not path.is_symlink():
                continue
            target = Path(os.path.realpath(path))
            if not target.exists() or not target.is_relative_to(root):
                rel = path.relative_to(folder).as_posix()
                errors.append(
                    _error(
                        f"{shown_as}/{rel}",
                        f"{shown_as}/ の外を指すか、どこも指さないシンボリックリンクです。ファイルそのものを置いてください",
                        "symlink out of source folder",
                    )
                )
    return errors


def walk_tree(content_root: Path) -> tuple[list[str], list[ContentError]]:
    """Every file under content/ that is not ignored (content-relative, sorted), and the folders that
    are symbolic links out of it; symbolic links to folders are not followed."""
    files: list[str] = []
    errors: list[ContentError] = []
    root = Path(content_root)
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            if is_ignored(name):
                continue
            rel = (here / name).relative_to(root).as_posix()
            linked = link_problem(root, rel)
            if linked:
                errors.append(linked)
            elif not (here / name).is_symlink():
                kept.append(name)
        dirs[:] = kept
        files.extend((here / name).relative_to(root).as_posix() for name in names if not is_ignored(name))
    return sorted(files), errors


def scan_tree(
    content_root: Path, limits: Limits = DEFAULT_LIMITS, verdicts: Verdicts | None = None
) -> list[ContentError]:
    """Every file and folder under content/: ignored, or checked by `file_problems`."""
    files, errors = walk_tree(content_root)
    for rel_path in files:
        errors.extend(file_problems(Path(content_root), rel_path, limits, verdicts))
    return sorted(errors)

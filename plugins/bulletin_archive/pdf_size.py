"""PDFs too large for a phone: a located warning (not an error) saying how to make the file smaller."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from ward_content.document import Document
from ward_content.errors import ContentError, content_warning

from .model import size_label
from .schema import KIND
from .settings import BulletinSettings

HOW_TO_REDUCE = (
    "スマートフォンでは開くまでに時間がかかり、通信量もかさみます。Acrobat の「PDF を圧縮」"
    "（または「ファイル」→「その他の形式で保存」→「サイズが縮小された PDF」）で保存し直すか、"
    "印刷用ではなく「Web 用（画像 150dpi 程度）」で書き出した PDF を置いてください"
)


def size_warning(path: Path, shown: str, line: int, field: str, limit_bytes: int) -> ContentError | None:
    """A warning when the file is larger than the limit; None otherwise (or when it is missing).

    A symbolic link is left to the scan of content/, which refuses it: its target is not looked at."""
    try:
        if path.is_symlink():
            return None
        size = path.stat().st_size
    except (OSError, ValueError):  # missing, or a name the file system refuses (reported as missing)
        return None
    if size <= limit_bytes:
        return None
    return content_warning(
        shown,
        line,
        field,
        f"PDF「{path.name}」は {size_label(size)} あり、目安の {size_label(limit_bytes)} を超えています。{HOW_TO_REDUCE}",
        "pdf larger than the size limit",
    )


def linked_file_warnings(content_root: Path, folder: str, limit_bytes: int) -> list[ContentError]:
    """Every PDF under content/<folder>/ (募集要項, maps staff link) over the limit, located at the file."""
    root = content_root / folder
    if not root.is_dir():
        return []
    warnings = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() == ".pdf" and path.is_file():
            shown = f"{content_root.name}/{path.relative_to(content_root).as_posix()}"
            if warning := size_warning(path, shown, 1, "", limit_bytes):
                warnings.append(warning)
    return warnings


def pdf_size_warnings(
    content_root: Path, documents: Sequence[Document], settings: BulletinSettings
) -> list[ContentError]:
    """Every PDF over the limit: each published issue's, on its `pdf:` line, and those under
    content/<linked files folder>/. A check of the content set, so the build, the preview and
    `invoke check` say it alike (ward_content.data_files)."""
    limit = settings.pdf_size_limit_bytes
    warnings = linked_file_warnings(content_root, settings.linked_files_folder, limit)
    for doc in documents:
        if doc.kind is not KIND or doc.meta.status != "published":
            continue
        path = doc.root / PurePosixPath(doc.rel_path).parent / doc.meta.pdf
        if warning := size_warning(path, doc.shown, doc.line_of("pdf"), "pdf", limit):
            warnings.append(warning)
    return warnings

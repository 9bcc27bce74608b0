"""Rewriting a PDF without what can name a person or a computer: the Info dictionary, XMP, PieceInfo."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

# Where Word, Acrobat, Illustrator and scanners leave names, user folders (C:\Users\…) and tool versions.
PRIVATE_KEYS = ("/Metadata", "/PieceInfo")
# A title helps screen readers name the document; kept unless it looks like a file path.
KEPT_INFO_KEYS = ("/Title",)


class PdfUnreadable(Exception):
    """pypdf could not parse the file, so its metadata cannot be removed."""


def carries_metadata(reader: PdfReader) -> bool:
    """True when the document holds anything `strip_metadata` would remove."""
    info = reader.metadata or {}
    if any(key not in KEPT_INFO_KEYS or _looks_like_path(str(value)) for key, value in info.items()):
        return True
    root = reader.trailer["/Root"]
    if any(key in root for key in PRIVATE_KEYS):
        return True
    return any(key in page for page in reader.pages for key in PRIVATE_KEYS)


def _looks_like_path(value: str) -> bool:
    return "\\" in value or "/" in value or ":" in value


def strip_metadata(data: bytes) -> bytes | None:
    """The PDF rewritten without metadata, or None when it has none (then it is published as it is)."""
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise PdfUnreadable("encrypted")
        if not carries_metadata(reader):
            return None
        title = (reader.metadata or {}).get("/Title")
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        for holder in (writer._root_object, *writer.pages):
            for key in PRIVATE_KEYS:
                if key in holder:
                    del holder[NameObject(key)]
        if title and not _looks_like_path(str(title)):
            writer.add_metadata({"/Title": str(title)})
            writer.metadata.pop(NameObject("/Producer"), None)
        # Removed entries leave their objects behind, still written unless dropped here.
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except PdfUnreadable:
        raise
    except Exception as exc:  # pypdf raises many types for a damaged file; all mean "cannot clean it"
        raise PdfUnreadable(type(exc).__name__) from None
    finally:
        quiet.setLevel(level)

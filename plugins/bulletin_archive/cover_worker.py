"""Reads a PDF with pdfium (text, bookmarks) and renders its cover; run as its own process under limits.

Usage: python cover_worker.py PDF COVER_OUT INFO_OUT WIDTH HEIGHT FORMAT QUALITY
Exit status 3: pdfium cannot open the PDF (damaged, encrypted). Nothing of this process's memory or
time is the build's: one hostile PDF can only end it.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import sys
from pathlib import Path

UNREADABLE = 3


def _pdf_module():
    # Loaded by path: importing the package would import its plugin, and Pelican with it.
    spec = importlib.util.spec_from_file_location("ward_bulletin_pdf", Path(__file__).with_name("pdf.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def render(pdf: str, width: int, height: int, image_format: str, quality: int) -> bytes:
    """First page at twice the thumbnail's height, then fitted onto an exact white canvas."""
    import pypdfium2
    from PIL import Image, ImageOps

    with open(pdf, "rb") as handle:
        document = pypdfium2.PdfDocument(handle.read())
    try:
        page = document[0]
        scale = 2 * height / page.get_height()
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
        page.close()
    finally:
        document.close()
    fitted = ImageOps.pad(image, (width, height), method=Image.Resampling.LANCZOS, color=(255, 255, 255))
    out = io.BytesIO()
    if image_format == "jpeg":
        fitted.save(out, "JPEG", quality=quality, optimize=True)
    else:
        fitted.save(out, "WEBP", quality=quality, method=6)
    return out.getvalue()


def main(argv: list[str]) -> int:
    pdf, cover_out, info_out, width, height, image_format, quality = argv
    pdf_module = _pdf_module()
    try:
        info = pdf_module.inspect_pdf(Path(pdf))
    except pdf_module.PdfProblem:
        return UNREADABLE
    Path(info_out).write_text(json.dumps(dataclasses.asdict(info), ensure_ascii=False), encoding="utf-8")
    Path(cover_out).write_bytes(render(pdf, int(width), int(height), image_format, int(quality)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

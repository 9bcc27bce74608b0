"""Reads a PDF with pdfium (text, bookmarks) and renders its cover; run as its own process under limits.

Usage: python cover_worker.py PDF INFO_OUT COVER_OUT MASTER_OUT WIDTH HEIGHT DENSITY FORMAT QUALITY
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


def render_page(pdf: str, width: int, height: int):
    """The first page at twice the wanted height, fitted onto an exact white canvas."""
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
    return ImageOps.pad(image, (width, height), method=Image.Resampling.LANCZOS, color=(255, 255, 255))


def main(argv: list[str]) -> int:
    # Run as a script, its own folder comes first on sys.path: the sibling module, never the package
    # (which would import Pelican). The limits are set before pdfium sees anything.
    import worker_limits

    worker_limits.apply()
    pdf, info_out, cover_out, master_out, width, height, density, image_format, quality = argv
    width, height, density, quality = int(width), int(height), int(density), int(quality)
    pdf_module = _pdf_module()
    try:
        info = pdf_module.inspect_pdf(Path(pdf))
    except pdf_module.PdfProblem:
        return UNREADABLE
    Path(info_out).write_text(json.dumps(dataclasses.asdict(info), ensure_ascii=False), encoding="utf-8")
    cover = io.BytesIO()
    fitted = render_page(pdf, width, height)
    if image_format == "jpeg":
        fitted.save(cover, "JPEG", quality=quality, optimize=True)
    else:
        fitted.save(cover, "WEBP", quality=quality, method=6)
    Path(cover_out).write_bytes(cover.getvalue())
    master = io.BytesIO()
    # The master is the build's cache, never published: fast compression, the pixels are the same.
    render_page(pdf, width * density, height * density).save(master, "PNG", compress_level=1)
    Path(master_out).write_bytes(master.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

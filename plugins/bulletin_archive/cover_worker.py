"""Renders a PDF's first page to a cover image; run as its own process, under memory and time limits.

Usage: python cover_worker.py PDF WIDTH HEIGHT FORMAT QUALITY  (the image's bytes go to standard output)
"""

from __future__ import annotations

import io
import sys


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
    pdf, width, height, image_format, quality = argv
    sys.stdout.buffer.write(render(pdf, int(width), int(height), image_format, int(quality)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

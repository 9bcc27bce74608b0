"""Reads the title and the first page's text of a PDF with pdfium; run as its own process under limits.

Usage: python identity_worker.py PDF  — prints JSON {"title": …, "first_page": …}.
Exit status 3: pdfium cannot open the PDF (damaged, encrypted).
"""

from __future__ import annotations

import json
import sys

UNREADABLE = 3


def main(argv: list[str]) -> int:
    # Run as a script, its own folder comes first on sys.path: the sibling module, never the package
    # (which would import Pelican). The limits are set before pdfium sees anything.
    import worker_limits

    worker_limits.apply()
    import pdf as archive_pdf  # the sibling pdf.py: how the archive reads a page's text
    import pypdfium2

    (pdf,) = argv
    try:
        with open(pdf, "rb") as handle:
            document = pypdfium2.PdfDocument(handle.read())
    except (OSError, pypdfium2.PdfiumError):
        return UNREADABLE
    try:
        title = document.get_metadata_dict().get("Title", "")
        first_page = archive_pdf.page_text(document, 0) if len(document) else ""
    finally:
        document.close()
    # UTF-8 whatever the locale of the shell that started the build.
    sys.stdout.buffer.write(json.dumps({"title": title, "first_page": first_page}, ensure_ascii=False).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

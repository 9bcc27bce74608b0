"""The staff guide as data: its fenced `sh` commands, `markdown path=…` examples and inline invoke commands."""

from __future__ import annotations

import io
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "staff-guide.md"
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)
_INLINE_INVOKE = re.compile(r"`(\.venv/bin/invoke [^`]+)`")


@dataclass(frozen=True)
class Block:
    """One fenced block: its language, its `key=value` attributes, its text and the guide line it starts on."""

    language: str
    attributes: dict
    text: str
    line: int

    @property
    def commands(self) -> list[str]:
        """The command lines of an `sh` block (comments and blank lines left out)."""
        return [line.strip() for line in self.text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def blocks(text: str | None = None) -> list[Block]:
    """Every fenced block of the guide, in order."""
    text = GUIDE.read_text(encoding="utf-8") if text is None else text
    found = []
    for match in _FENCE.finditer(text):
        language, *rest = match.group(1).split() or [""]
        attributes = dict(item.split("=", 1) for item in rest if "=" in item)
        found.append(Block(language, attributes, match.group(2), text.count("\n", 0, match.start()) + 1))
    return found


def invoke_commands(text: str | None = None) -> list[list[str]]:
    """Every `.venv/bin/invoke …` of the guide, fenced or inline, as argument lists (without the program)."""
    text = GUIDE.read_text(encoding="utf-8") if text is None else text
    commands = [c for b in blocks(text) if b.language == "sh" for c in b.commands if c.startswith(".venv/bin/invoke ")]
    commands += _INLINE_INVOKE.findall(text)
    return [shlex.split(command)[1:] for command in commands]


def gps_jpeg() -> bytes:
    """A phone-sized photo as a phone saves it: JPEG with camera and GPS EXIF."""
    from PIL import Image

    size = (4032, 3024)
    # Gradients and noise, so the encoder has something to compress, made without a Python loop.
    bands = [Image.linear_gradient("L").resize(size), Image.radial_gradient("L").resize(size)]
    image = Image.merge("RGB", [*bands, Image.effect_noise(size, 40)])
    exif = Image.Exif()
    exif[0x010F] = "ExamplePhone"  # Make
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (35.0, 20.0, 38.0), 3: "E", 4: (139.0, 37.0, 43.5)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def bulletin_pdf(label: str = "令和9年1月号", number: int = 351) -> bytes:
    """A staff member's own issue PDF (two pages), as the printer sends it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for text in (f"広報よこはま 金沢区版 {label} No.{number}", "区役所からのお知らせ"):
        page.setFont("HeiseiKakuGo-W5", 20)
        page.drawString(60, 760, text)
        page.showPage()
    page.save()
    return buffer.getvalue()

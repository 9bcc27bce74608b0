"""Draw the site's own icons once (run: .venv/bin/python -m tools.make_icons); the files are committed.

Our mark, not the ward emblem: the sea of Kanazawa (three waves) and the morning sun over it, in the
site's colours, on a rounded square. The SVG favicon and the Pillow-drawn PNG/ICO share one geometry.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "theme" / "static" / "icons"
BOX = 64  # design units
BRAND, SUN, WAVE = "#00508c", "#ffb800", "#ffffff"
RADIUS, SUN_AT, SUN_R, STROKE = 12, (44, 17), 7, 5
WAVE_ROWS = (30, 41, 52)


def wave(y: float, steps: int = 24) -> list[tuple[float, float]]:
    """One and a half swells across the square."""
    return [(10 + 44 * i / steps, y + 3.5 * math.sin(2 * math.pi * 1.5 * i / steps)) for i in range(steps + 1)]


def svg() -> str:
    def points(y: float) -> str:
        return " ".join(f"{x:.2f},{v:.2f}" for x, v in wave(y))

    waves = "".join(
        f'<polyline points="{points(y)}" fill="none" stroke="{WAVE}" stroke-width="{STROKE}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        for y in WAVE_ROWS
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BOX} {BOX}">'
        f'<rect width="{BOX}" height="{BOX}" rx="{RADIUS}" fill="{BRAND}"/>'
        f'<circle cx="{SUN_AT[0]}" cy="{SUN_AT[1]}" r="{SUN_R}" fill="{SUN}"/>{waves}</svg>\n'
    )


def raster(size: int, rounded: bool = True) -> Image.Image:
    """Drawn at 8x and reduced, for smooth edges; the touch icon is square (iOS rounds it itself)."""
    scale = size * 8 / BOX
    big = Image.new("RGBA", (size * 8, size * 8), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle((0, 0, size * 8 - 1, size * 8 - 1), radius=RADIUS * scale if rounded else 0, fill=BRAND)
    x, y = SUN_AT
    draw.ellipse(((x - SUN_R) * scale, (y - SUN_R) * scale, (x + SUN_R) * scale, (y + SUN_R) * scale), fill=SUN)
    width = round(STROKE * scale)
    for row in WAVE_ROWS:
        line = [(px * scale, py * scale) for px, py in wave(row)]
        draw.line(line, fill=WAVE, width=width, joint="curve")
        for px, py in (line[0], line[-1]):
            draw.ellipse((px - width / 2, py - width / 2, px + width / 2, py + width / 2), fill=WAVE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "favicon.svg").write_text(svg(), encoding="utf-8")
    raster(180, rounded=False).convert("RGB").save(TARGET / "apple-touch-icon.png", optimize=True)
    raster(48).save(TARGET / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    print(f"icons written to {TARGET.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()

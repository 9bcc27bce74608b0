"""The sample photo content/images/hanabi.jpg: a photo-like night view of fireworks over the sea, made by Pillow.

Seeded, so `python -m tools.sample_photo` writes the same picture every time. It carries camera and
GPS EXIF like a phone's photo, so the sample site shows that published copies never do.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "content" / "images" / "hanabi.jpg"
SIZE = (2400, 1600)
# 金沢区役所 (35.3375, 139.6242), as degrees, minutes, seconds.
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (35.0, 20.0, 15.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (139.0, 37.0, 27.0),
}


def night_sky(width: int, height: int) -> Image.Image:
    """Deep blue at the top to a warm haze at the horizon, and a dark sea below."""
    horizon = int(height * 0.72)
    sky = Image.linear_gradient("L").resize((width, horizon))
    top, bottom = (8, 12, 40), (70, 50, 80)
    sky = Image.merge(
        "RGB", [sky.point(lambda v, a=a, b=b: a + (b - a) * v // 255) for a, b in zip(top, bottom, strict=True)]
    )
    image = Image.new("RGB", (width, height), (5, 10, 25))
    image.paste(sky, (0, 0))
    return image


def draw_fireworks(image: Image.Image, rng: random.Random) -> None:
    """Bursts of glowing streaks, reflected as shimmering lines on the sea."""
    width, height = image.size
    horizon = int(height * 0.72)
    glow = Image.new("RGB", image.size)
    draw = ImageDraw.Draw(glow)
    for _ in range(7):
        cx, cy = rng.randint(width // 8, width * 7 // 8), rng.randint(height // 8, horizon // 2)
        radius = rng.randint(height // 10, height // 5)
        colour = rng.choice([(255, 190, 80), (255, 90, 120), (120, 200, 255), (200, 255, 150), (255, 240, 220)])
        for index in range(90):
            angle = 2 * math.pi * index / 90 + rng.random() * 0.05
            length = radius * (0.7 + 0.3 * rng.random())
            x, y = cx + math.cos(angle) * length, cy + math.sin(angle) * length * 0.95
            draw.line((cx + (x - cx) * 0.2, cy + (y - cy) * 0.2, x, y), fill=colour, width=3)
            draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=colour)
        for _ in range(40):
            rx = cx + rng.randint(-radius, radius)
            ry = horizon + rng.randint(10, height - horizon - 10)
            draw.line((rx - 30, ry, rx + 30, ry), fill=tuple(c // 3 for c in colour), width=2)
    soft = glow.filter(ImageFilter.GaussianBlur(6))
    image.paste(Image.composite(soft, image, soft.convert("L").point(lambda v: min(255, v * 3))), (0, 0))
    sharp = glow.filter(ImageFilter.GaussianBlur(1))
    image.paste(Image.composite(sharp, image, sharp.convert("L").point(lambda v: min(255, v * 2))), (0, 0))


def grain(image: Image.Image, rng: random.Random, amount: int = 10) -> Image.Image:
    """Sensor noise, seeded (Image.effect_noise is not)."""
    noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height)).point(
        lambda v: 128 + (v - 128) * amount // 128
    )
    return Image.blend(image, Image.merge("RGB", (noise, noise, noise)), 0.06)


def make_photo() -> Image.Image:
    """The picture, the same every time."""
    rng = random.Random(20260829)
    image = night_sky(*SIZE)
    draw_fireworks(image, rng)
    return grain(image, rng)


def main(argv: list[str] | None = None) -> None:
    """Write content/images/hanabi.jpg (or the path given) with a phone's EXIF."""
    target = Path(argv[0]) if argv else TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "WardCam"
    exif[ExifTags.Base.Model] = "Sample Phone"
    exif[ExifTags.IFD.GPSInfo] = GPS
    make_photo().save(target, "JPEG", quality=88, exif=exif)
    print(f"{target} を作りました")


if __name__ == "__main__":
    main(sys.argv[1:])

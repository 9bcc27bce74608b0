"""Photo-like test images made by Pillow (imported by the tests; not a conftest)."""

from __future__ import annotations

import io

from PIL import ExifTags, Image

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (35.0, 20.0, 24.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (139.0, 37.0, 12.0),
}


def phone_exif(orientation: int = 1) -> Image.Exif:
    """Camera, owner and GPS, as a phone writes them."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "WardCam"
    exif[ExifTags.Base.Artist] = "Kanazawa Taro"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    return exif


def scene(width: int, height: int, grain: float = 0.12, detail: int = 24) -> Image.Image:
    """Sky, sea, soft detail (1/`detail` of the size, upscaled) and sensor grain: compresses like a photo.

    The grain is what makes a phone's JPEG large; like real sensor noise it averages out when the
    photo is made smaller, while the detail stays.
    """
    sky = Image.linear_gradient("L").resize((width, height))
    glow = Image.radial_gradient("L").resize((width, height))
    base = Image.merge("RGB", (glow, sky.rotate(180), sky))
    small = (max(1, width // detail), max(1, height // detail))
    texture = Image.merge(
        "RGB",
        [Image.effect_noise(small, 60 + 10 * i).resize((width, height), Image.Resampling.BICUBIC) for i in range(3)],
    )
    photo = Image.blend(base, texture, 0.45)
    grain_image = Image.effect_noise((width, height), 64).convert("RGB")
    return Image.blend(photo, grain_image, grain)


def phone_photo(
    width: int = 640, height: int = 480, quality: int = 92, orientation: int = 1, grain: float = 0.12
) -> bytes:
    """A JPEG straight from a phone: photo-like pixels with camera and GPS EXIF."""
    buffer = io.BytesIO()
    scene(width, height, grain).save(buffer, "JPEG", quality=quality, exif=phone_exif(orientation))
    return buffer.getvalue()


def png_with_alpha(width: int = 300, height: int = 200) -> bytes:
    """A PNG with transparency (a logo or a map cut-out)."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((200, 40, 40, 255), (20, 20, width - 20, height - 20))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()

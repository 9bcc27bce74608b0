"""WARD_LIMITS: what one content file may cost, with defaults; the build and `invoke check` use the same."""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import ConfigurationError


@dataclass(frozen=True)
class Limits:
    """Upper bounds that keep one hostile or mistaken file from exhausting the machine."""

    markdown_bytes: int = 500_000  # a content .md file (about 160,000 Japanese characters)
    static_bytes: int = 100_000_000  # an image or PDF under content/
    nesting: int = 20  # quote, list and raw HTML levels in a body
    markup_per_paragraph: int = 100  # `[` or `*`/`_` in one paragraph (Markdown's time grows with their square)
    slug_length: int = 100  # characters of a URL name (file names are limited to 255 bytes)
    image_pixels: int = 100_000_000  # width x height of one image (a 48-megapixel photo is 48,000,000)
    pdf_pages: int = 500
    pdf_page_points: float = 14_400.0  # the longest side of a PDF page: 200 inches, the PDF format's own limit
    render_memory_bytes: int = 1_500_000_000  # address space of the process that renders a PDF cover
    render_seconds: int = 120


DEFAULT_LIMITS = Limits()


def read_limits(settings: dict) -> Limits:
    """WARD_LIMITS = {"pdf_pages": 200, ...}; unknown names and non-positive values are a developer's error."""
    given = settings.get("WARD_LIMITS") or {}
    if not isinstance(given, dict):
        raise ConfigurationError(f"WARD_LIMITS: expected a dict of limits, received {given!r}")
    known = {f.name: f.type for f in fields(Limits)}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise ConfigurationError(f"WARD_LIMITS: unknown limits {unknown}; expected some of {sorted(known)}")
    for name, value in given.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigurationError(f"WARD_LIMITS[{name!r}]: expected a positive number, received {value!r}")
    return Limits(**given)

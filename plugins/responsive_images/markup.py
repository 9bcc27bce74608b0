"""<picture> elements for templates (`picture` filter) and Markdown bodies (`pictures` filter).

A photo becomes `<picture>` with one <source> per modern format (AVIF, WebP: `type`, `srcset`,
`sizes`) and an <img> of the JPEG/PNG fallback with `srcset`, `sizes`, `width`, `height` (the
aspect ratio, so nothing jumps while loading) and `alt`. Every photo loads lazily except the first
of a page, which the template marks `eager` (it is usually the largest thing on screen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from jinja2 import pass_context
from markupsafe import Markup

from ward_content.images import resolve_image
from ward_content.markdown_images import PHOTO_ATTRIBUTE

from .pipeline import picture_of
from .plan import MIME, Candidate, PhotoSource, Picture, content_source
from .settings import ResponsiveImagesSettings

# The Jinja global the filters read: imported macros (history_card) see globals, not the page's context.
GLOBAL_NAME = "ward_photos"


@dataclass(frozen=True)
class PhotoContext:
    """What the filters need of the build: the settings and the content folder."""

    settings: ResponsiveImagesSettings
    root: Path


def srcset(candidates: tuple[Candidate, ...], siteurl: str) -> str:
    """`…-480w.webp 480w, …-960w.webp 960w`."""
    return ", ".join(f"{siteurl}/{c.path} {c.width}w" for c in candidates)


def picture_tag(
    soup: BeautifulSoup,
    picture: Picture,
    alt: str,
    sizes: str,
    siteurl: str,
    eager: bool = False,
    css_class: str | None = None,
) -> Tag:
    """The <picture> element of a planned picture."""
    element = soup.new_tag("picture")
    for fmt, candidates in picture.formats[:-1]:
        element.append(
            soup.new_tag("source", attrs={"type": MIME[fmt], "srcset": srcset(candidates, siteurl), "sizes": sizes})
        )
    _, fallback = picture.fallback
    # Browsers without srcset get a middle width, not the largest.
    plain = fallback[min(1, len(fallback) - 1)]
    attrs = {
        "src": f"{siteurl}/{plain.path}",
        "srcset": srcset(fallback, siteurl),
        "sizes": sizes,
        "width": str(picture.largest.width),
        "height": str(picture.largest.height),
        "alt": alt,
        "decoding": "async",
    }
    if css_class:
        attrs["class"] = css_class
    # The first photo of a page loads at once (it is usually on screen); `fetchpriority` would help
    # too, but the pinned Nu HTML checker does not know it yet.
    if not eager:
        attrs["loading"] = "lazy"
    element.append(soup.new_tag("img", attrs=attrs))
    return element


def _source_of(image, root: Path) -> PhotoSource | None:
    if isinstance(image, PhotoSource):
        return image
    rel = resolve_image(str(image.src), None, root)
    return content_source(rel, root, str(image.alt)) if rel else None


@pass_context
def picture(
    context, image, sizes: str | None = None, eager: bool = False, widths=None, css_class=None, siteurl=None, alt=None
) -> Markup:
    """`{{ article.image|picture(eager=True) }}`: an `image:` field (src, alt) or a PhotoSource as <picture>.

    In a macro, pass `siteurl=siteurl`: a macro does not see the page's SITEURL. `alt` replaces the
    source's own text (alt="" where the picture is decorative, next to a title that names it).
    """
    if not image:
        return Markup("")
    photos: PhotoContext | None = context.get(GLOBAL_NAME)
    site = context.get("SITEURL", "") if siteurl is None else siteurl
    if photos is None:  # the plugin is not in PLUGINS: the file as it is, where STATIC_PATHS put it
        soup = BeautifulSoup("", "html.parser")
        src = f"{site}/{image.fallback if isinstance(image, PhotoSource) else image.src}"
        text = str(image.alt) if alt is None else alt
        attrs = {"src": src, "alt": text, **({"class": css_class} if css_class else {})}
        return Markup(str(soup.new_tag("img", attrs=attrs)))
    source = _source_of(image, photos.root)
    if source is None:
        return Markup("")
    _, planned = picture_of(source, photos.settings, tuple(widths) if widths else None)
    soup = BeautifulSoup("", "html.parser")
    text = source.alt if alt is None else alt
    return Markup(str(picture_tag(soup, planned, text, sizes or photos.settings.sizes, site, eager, css_class)))


# An <img> tag of a rendered body: the allow-list's serialiser (html5ever, through nh3) writes every
# attribute as name="value" with `"` escaped, so the tag ends at the first `>` outside quotes.
_IMG_TAG = re.compile(r'<img\b(?:[^>"]|"[^"]*")*>')


@pass_context
def pictures(context, html: str, eager_first: bool = True) -> Markup:
    """`{{ article.content|pictures(eager_first=not article.image) }}`: marked photos of a body as <picture>.

    The body is rendered, sanitised Markdown (trusted like `|safe`); only the marked <img> elements
    change, each read by BeautifulSoup alone: parsing and writing out the whole body took half a
    millisecond a page, the most costly part of rendering an article with a photo.
    """
    photos: PhotoContext | None = context.get(GLOBAL_NAME)
    if PHOTO_ATTRIBUTE not in html or photos is None:
        return Markup(html)
    site = context.get("SITEURL", "")
    soup = BeautifulSoup("", "html.parser")
    pieces: list[str] = []
    done = 0
    marked = 0
    for match in _IMG_TAG.finditer(html):
        if PHOTO_ATTRIBUTE not in match.group():
            continue
        image = BeautifulSoup(match.group(), "html.parser").img
        if image is None or not image.has_attr(PHOTO_ATTRIBUTE):
            continue
        source = content_source(image[PHOTO_ATTRIBUTE], photos.root, image.get("alt", ""))
        _, planned = picture_of(source, photos.settings)
        eager = eager_first and marked == 0
        marked += 1
        pieces += [
            html[done : match.start()],
            str(picture_tag(soup, planned, source.alt, photos.settings.sizes, site, eager)),
        ]
        done = match.end()
    pieces.append(html[done:])
    return Markup("".join(pieces))


FILTERS = {"picture": picture, "pictures": pictures}

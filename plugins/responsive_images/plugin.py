"""Signal wiring: the copies' generator, the documents it needs, and the two template filters."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from ward_content.config import settings_models
from ward_content.registry import published_photo

from .generator import ResponsiveImagesGenerator
from .markup import FILTERS, GLOBAL_NAME, PhotoContext
from .settings import ResponsiveImagesSettings, read_settings


def provide_settings(sender):
    return ResponsiveImagesSettings


def get_generators(pelican):
    return ResponsiveImagesGenerator


def add_filters(generator) -> None:
    """Every generator's Jinja environment gets `picture` and `pictures`, and the settings they read."""
    generator.env.filters.update(FILTERS)
    root = Path(generator.settings["PATH"]).resolve()
    generator.env.globals[GLOBAL_NAME] = PhotoContext(read_settings(generator.settings), root)


def published_path(rel: str, root, settings: dict) -> str | None:
    """Structured data and open data name one file per photo: its widest JPEG or PNG copy."""
    from ward_content.images import resolve_image

    from .pipeline import picture_of
    from .plan import content_source

    found = resolve_image(rel, None, Path(root))
    if not found or not (Path(root) / found).is_file():
        return None
    _, planned = picture_of(content_source(found, Path(root)), read_settings(settings))
    return planned.largest.path


def register() -> None:
    published_photo.connect(published_path)
    settings_models.connect(provide_settings)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)

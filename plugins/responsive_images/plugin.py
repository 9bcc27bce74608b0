"""Signal wiring: the copies' generator, the documents it needs, and the two template filters."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from ward_content.config import settings_models

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


def register() -> None:
    settings_models.connect(provide_settings)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)

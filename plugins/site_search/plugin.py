"""Signal wiring of the site search: one generator for the page, the index once everything is written."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from ward_content.config import settings_models
from ward_content.page_writer import flush_pages

from .generator import SiteSearchGenerator
from .indexer import index_site
from .settings import provide_settings, read_settings


def get_generators(pelican):
    return SiteSearchGenerator


def index_output(pelican) -> None:
    flush_pages()  # the index reads the written pages: render any the build's writer deferred
    search = read_settings(pelican.settings)
    if search.index:
        index_site(Path(pelican.output_path), search, pelican.settings)


def register() -> None:
    settings_models.connect(provide_settings)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_output)

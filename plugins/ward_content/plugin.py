"""Signal wiring of the foundation plugin: reader, generator, accounting, sitemap."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from .accounting import account
from .errors import WardBuildError
from .generator import WardSiteGenerator
from .reader import WardMarkdownReader
from .sitemap import write_sitemap


def add_reader(readers) -> None:
    for extension in WardMarkdownReader.file_extensions:
        readers.reader_classes[extension] = WardMarkdownReader


def get_generators(pelican):
    return WardSiteGenerator


def account_for_every_file(generators) -> None:
    """Runs after every generator has read its content and before anything is written."""
    site = next(g for g in generators if isinstance(g, WardSiteGenerator))
    captured = site.release_log_capture()
    errors = account(Path(site.settings["PATH"]).resolve(), generators, captured)
    if errors:
        raise WardBuildError(errors)


def finish(pelican) -> None:
    write_sitemap(Path(pelican.output_path), pelican.settings.get("WARD_PUBLIC_URL") or pelican.settings["SITEURL"])


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(account_for_every_file)
    signals.finalized.connect(finish)

"""Signal wiring of the foundation plugin: reader, generator, accounting, sitemap."""

from __future__ import annotations

import sys
from pathlib import Path

from pelican import signals

from .accounting import account, log_errors, register_link_targets
from .errors import WardBuildError, split_warnings
from .generator import WardSiteGenerator, release_log_capture
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
    errors, warnings = split_warnings(
        account(Path(site.settings["PATH"]).resolve(), generators, site.take_log_records())
    )
    # Pelican's log is captured as errors here, so warnings go to stderr directly, one line each.
    for warning in warnings:
        print(warning.format(), file=sys.stderr)
    if errors:
        release_log_capture()
        raise WardBuildError(errors)
    register_link_targets(site.context, generators)


def finish(pelican) -> None:
    """Warnings while writing (an unresolved link, a template problem) fail the build too."""
    errors = log_errors(release_log_capture())
    if errors:
        raise WardBuildError(errors)
    write_sitemap(Path(pelican.output_path), pelican.settings.get("WARD_PUBLIC_URL") or pelican.settings["SITEURL"])


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(account_for_every_file)
    signals.finalized.connect(finish)

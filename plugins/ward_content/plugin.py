"""Signal wiring of the foundation plugin: content set, reader, generator, accounting, sitemap, feed contract."""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

from pelican import signals

from .accounting import LogCapture, account, build_warnings, drop_could_not_process, log_errors, register_link_targets
from .build_scope import ensure_scope
from .config import collect_models, settings_models, validate_all
from .containment import drop_outside_links, drop_outside_static_files
from .content_set import load_content_set
from .errors import WardBuildError
from .feeds import restamp_pelican_feed
from .generator import WardSiteGenerator
from .limits import read_limits
from .page_writer import flush_pages, provide_writer, relative_to_output
from .reader import WardMarkdownReader
from .registry import collect, content_types
from .rendering import prepare_for_build
from .schemas import news, page
from .settings import WardSettings
from .settings import read_settings as read_ward_settings
from .sitemap import write_sitemap
from .sources import links_out_of
from .theme_files import defer_theme_copies, skip_idle_reader_check
from .url_cache import fix_urls, remember_source_path

# The foundation's own content types: Pelican's article and page generators read them (reader.py).
OWN_KINDS = (news.KIND, page.KIND)


def provide_kinds(sender):
    return OWN_KINDS


def provide_settings(sender):
    return WardSettings


def start_build(pelican) -> None:
    """Once per build, after every plugin registered: collect the types and read every file once."""
    scope = ensure_scope()
    scope.release_logging()  # a plain `pelican` process that builds twice keeps one capture
    # Installed before any generator reads content, so every warning of this build is seen.
    scope.capture = LogCapture()
    scope.add_handler(logging.getLogger("pelican"), scope.capture)
    # Pelican's one-line "Could not process" for a file our reader refused would only repeat,
    # without the location, what the accounting reports in full.
    scope.add_filter(logging.getLogger("pelican.generators"), drop_could_not_process)
    # Every plugin's settings, validated once; every bad one reported at once.
    scope.settings = validate_all(pelican.settings, collect_models(pelican))
    scope.output_path = str(Path(pelican.output_path).resolve())
    scope.written = set()
    # A plain `pelican` process that builds again (pelican -r) keeps one scope: these are this build's.
    scope.clean_files = set()
    scope.memos = {}
    if scope.content is None:  # the preview hands in the content set it keeps between rebuilds
        scope.types = collect(pelican)
        ward = read_ward_settings(pelican.settings)
        scope.content = load_content_set(
            Path(pelican.settings["PATH"]).resolve(),
            scope.types,
            read_limits(pelican.settings),
            ward.own_hosts,
            ward.processes,
            verdicts=ward.verdicts,
            prepare=functools.partial(
                prepare_for_build,
                own_hosts=ward.own_hosts,
                summary_length=ward.summary_length,
                read_by_pelican=frozenset(kind.name for kind in OWN_KINDS),
            ),
        )


def add_reader(readers) -> None:
    for extension in WardMarkdownReader.file_extensions:
        readers.reader_classes[extension] = WardMarkdownReader


def get_generators(pelican):
    return WardSiteGenerator


def account_for_every_file(generators) -> None:
    """Runs after every generator has read its content and before anything is written."""
    scope = ensure_scope()
    site = next(g for g in generators if isinstance(g, WardSiteGenerator))
    errors = account(scope.content, generators, scope.capture.take())
    # The theme's files are copied into the site too: none may come from outside it.
    errors += links_out_of(Path(site.settings["THEME"]), "theme")
    # Pelican's log is captured as errors, so warnings go to stderr directly, one line each.
    for warning in build_warnings(scope.content, generators):
        print(warning.format(), file=sys.stderr)
    if errors:
        scope.release_logging()
        raise WardBuildError(errors)
    register_link_targets(site.context, generators)


def remember_page(path, context=None) -> None:
    """Every HTML page Pelican's writer writes (ours included), for the sitemap."""
    scope = ensure_scope()
    scope.written.add(relative_to_output(os.path.abspath(path), scope.output_path))


def finish(pelican) -> None:
    """Warnings while writing (an unresolved link, a template problem) fail the build too."""
    flush_pages()
    scope = ensure_scope()
    records = scope.capture.take()
    scope.release_logging()
    errors = log_errors(records)
    if errors:
        raise WardBuildError(errors)
    public_url = pelican.settings.get("WARD_PUBLIC_URL") or pelican.settings["SITEURL"]
    write_sitemap(Path(pelican.output_path), sorted(scope.written), public_url)


def register() -> None:
    content_types.connect(provide_kinds)
    settings_models.connect(provide_settings)
    signals.initialized.connect(start_build)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(account_for_every_file)
    signals.all_generators_finalized.connect(fix_urls)
    signals.content_object_init.connect(remember_source_path)
    signals.content_written.connect(remember_page)
    signals.finalized.connect(finish)
    signals.get_writer.connect(provide_writer)
    signals.feed_generated.connect(restamp_pelican_feed)
    signals.article_generator_finalized.connect(drop_outside_links)
    signals.page_generator_finalized.connect(drop_outside_links)
    signals.static_generator_finalized.connect(drop_outside_static_files)
    signals.static_generator_init.connect(defer_theme_copies)
    signals.generator_init.connect(skip_idle_reader_check)

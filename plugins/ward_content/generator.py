"""The foundation's generator: section landing pages, and the build's log capture for accounting."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pelican.generators import Generator

from .accounting import LogCapture
from .settings import Section, read_settings


def _drop_could_not_process(record: logging.LogRecord) -> bool:
    return not (
        record.msg == "Could not process %s" and isinstance(record.exc_info, tuple) and _is_content_error(record)
    )


def _is_content_error(record: logging.LogRecord) -> bool:
    from .errors import ContentErrors

    return isinstance(record.exc_info[1], ContentErrors)


@dataclass(frozen=True)
class SectionView:
    """A section with its articles, newest first, for templates."""

    section: Section
    articles: tuple

    @property
    def latest(self) -> tuple:
        """The newest few, for the home page and the landing page's top."""
        return self.articles[:5]


class WardSiteGenerator(Generator):
    """Builds section views into the context and writes the landing pages plugins do not own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ward = read_settings(self.settings)
        # Installed before any generator reads content, so every warning of this build is seen.
        self.log_capture = LogCapture()
        pelican_logger = logging.getLogger("pelican")
        # A build that failed earlier in this process (livereload, tests) may have left its capture.
        for stale in [h for h in pelican_logger.handlers if isinstance(h, LogCapture)]:
            pelican_logger.removeHandler(stale)
        pelican_logger.addHandler(self.log_capture)
        # Pelican's one-line "Could not process" for a file our reader refused would only repeat,
        # without the location, what the accounting reports in full.
        logging.getLogger("pelican.generators").addFilter(_drop_could_not_process)

    def take_log_records(self) -> list[logging.LogRecord]:
        """What was logged while reading; capturing goes on through writing (see `release_log_capture`)."""
        logging.getLogger("pelican.generators").removeFilter(_drop_could_not_process)
        return self.log_capture.take()

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        views = []
        for section in self.ward.sections:
            own = tuple(a for a in articles if a.category.slug == section.slug)  # newest first, as Pelican sorts
            views.append(SectionView(section, own))
        self.context["ward_sections"] = tuple(views)
        self.context["ward_build_date"] = self.ward.build_date

    def generate_output(self, writer) -> None:
        for view in self.context["ward_sections"]:
            if view.section.landing_by_plugin:
                continue
            writer.write_file(
                f"{view.section.slug}/index.html",
                self.get_template("section"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                section=view.section,
                section_articles=view.articles,
                page_name=f"{view.section.slug}/index",
            )


def release_log_capture() -> list[logging.LogRecord]:
    """Stop this build's capture and return what was logged while writing (after the accounting)."""
    pelican_logger = logging.getLogger("pelican")
    records: list[logging.LogRecord] = []
    for handler in [h for h in pelican_logger.handlers if isinstance(h, LogCapture)]:
        pelican_logger.removeHandler(handler)
        records += handler.take()
    return records

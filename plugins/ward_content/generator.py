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
        logging.getLogger("pelican").addHandler(self.log_capture)
        # Pelican's one-line "Could not process" for a file our reader refused would only repeat,
        # without the location, what the accounting reports in full.
        logging.getLogger("pelican.generators").addFilter(_drop_could_not_process)

    def release_log_capture(self) -> list[logging.LogRecord]:
        """Stop capturing and hand back what was seen (called once, when the build is accounted)."""
        logging.getLogger("pelican").removeHandler(self.log_capture)
        logging.getLogger("pelican.generators").removeFilter(_drop_could_not_process)
        return self.log_capture.records

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        views = []
        for section in self.ward.sections:
            own = tuple(a for a in articles if a.category.slug == section.slug)
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

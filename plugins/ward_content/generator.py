"""The foundation's generator: section landing pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape
from pelican.generators import Generator

from .order import page_order
from .settings import Section, read_settings


@dataclass(frozen=True)
class SectionView:
    """A section with its articles, newest first, for templates."""

    section: Section
    articles: tuple
    # The name for the menu, a line break allowed after each ・ (computed once, not on every page).
    nav_name: Markup = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "nav_name", Markup(escape(self.section.name).replace("・", Markup("・<wbr>"))))

    @property
    def latest(self) -> tuple:
        """The newest few, for the home page and the landing page's top."""
        return self.articles[:5]


class SiteMenus:
    """The site menu and the footer's links of every page, each rendered once per section shown and SITEURL
    (which changes with a page's depth under RELATIVE_URLS) rather than on every page: their fifty-odd
    escaped values were about a tenth of rendering a page. One build's, in its context; a forked copy
    that renders pages keeps its own (theme/templates/partials/site_menus.html holds the markup)."""

    def __init__(self, macros, sections: tuple, footer_pages: list):
        self._macros, self._sections, self._footer_pages = macros, sections, footer_pages
        self._made: dict[tuple, Markup] = {}

    def nav(self, active_section: str | None, siteurl: str) -> Markup:
        key = ("nav", active_section, siteurl)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._macros.nav(self._sections, active_section, siteurl)
        return made

    def footer(self, siteurl: str, feed_url: str) -> Markup:
        key = ("footer", siteurl, feed_url)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._macros.footer(self._footer_pages, siteurl, feed_url)
        return made


class WardSiteGenerator(Generator):
    """Builds section views into the context and writes the landing pages plugins do not own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ward = read_settings(self.settings)

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        views = []
        for section in self.ward.sections:
            own = tuple(a for a in articles if a.category.slug == section.slug)  # newest first, as Pelican sorts
            views.append(SectionView(section, own))
        self.context["ward_sections"] = tuple(views)
        # Looked up on every article page (its section) and written in every page's footer: once here.
        self.context["ward_section_by_slug"] = {view.section.slug: view.section for view in views}
        self.context["ward_footer_pages"] = sorted(self.context.get("pages", []), key=page_order)
        self.context["ward_menus"] = SiteMenus(
            self.get_template("partials/site_menus").module,
            self.context["ward_sections"],
            self.context["ward_footer_pages"],
        )
        self.context["ward_build_date"] = self.ward.build_date

    def generate_output(self, writer) -> None:
        self._write_opendata(writer)
        if self.settings.get("DRAFT_SAVE_AS"):  # preview builds only; publishconf empties it
            self._write_drafts_index(writer)
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

    def _write_opendata(self, writer) -> None:
        """/opendata/ lists what every plugin appended to `ward_opendata` in its generate_context."""
        downloads = sorted(self.context.get("ward_opendata", []), key=lambda d: (d["url"], d["title"]))
        if not downloads:
            return
        updated = max((d["updated"] for d in downloads if d.get("updated")), default=self.ward.build_date)
        writer.write_file(
            "opendata/index.html",
            self.get_template("opendata"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name="opendata/index",
            downloads=downloads,
            updated=updated,
        )

    def _write_drafts_index(self, writer) -> None:
        """/drafts/ lists every draft of the content set, whatever its type, linked to its preview."""
        from .build_scope import ensure_scope
        from .folder_generator import DRAFTS_FOLDER

        documents = [doc for doc in ensure_scope().content.documents if doc.is_draft]
        if not documents:
            return  # no drafts, no drafts/ folder at all
        drafts = [
            {"title": doc.title, "label": doc.kind.label, "source": doc.shown, "url": f"{DRAFTS_FOLDER}/{doc.url}"}
            for doc in sorted(documents, key=lambda d: d.rel_path)
        ]
        writer.write_file(
            f"{DRAFTS_FOLDER}/index.html",
            self.get_template("drafts"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name=f"{DRAFTS_FOLDER}/index",
            drafts=drafts,
        )

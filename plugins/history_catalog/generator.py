"""The catalog's generator: reads content/history/sites/, writes the catalog, facets, site pages, map and open data."""

from __future__ import annotations

import dataclasses

from ward_content.folder_generator import WardFolderGenerator
from ward_content.opendata import read_publisher
from ward_content.registry import published_photo_path
from ward_content.rendering import document_html
from ward_content.settings import read_settings as read_ward_settings
from ward_content.text import html_to_text

from .model import Site, make_catalog, nearest
from .opendata import catalog_csv, catalog_geojson, site_jsonld, site_record
from .schema import KIND
from .settings import read_settings

SECTION = "history"


class HistoryCatalogGenerator(WardFolderGenerator):
    """Catalog, facet, site, map and open-data pages; never raises for a content mistake."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.history = read_settings(self.settings)
        self.ward = read_ward_settings(self.settings)
        self.kind = KIND
        self.folder = self.kind.folders[0]
        self.publisher = read_publisher(self.settings)
        self.csv_path = self.publisher.path("cultural_property", "csv")
        self.geojson_path = self.publisher.path("cultural_property", "geojson")
        self.catalog = make_catalog(())
        self.records: dict = {}
        self.files: dict[str, bytes] = {}

    @property
    def public_url(self) -> str:
        return (self.settings.get("WARD_PUBLIC_URL") or self.settings["SITEURL"]).rstrip("/")

    def generate_context(self) -> None:
        # Sites with a dead related link or a missing photo are reported, not built into the catalog.
        usable = self.read_documents(self.folder)
        sites = []
        for doc in (d for d in usable if d.meta.status == "published"):
            html = document_html(doc, self.ward.own_hosts)
            sites.append(Site(doc, html, html_to_text(html)))
        sites = self._linked(sites)
        self.catalog = make_catalog(sites)
        root = self.content_set.root
        photo = lambda src: published_photo_path(src, root, self.settings)  # noqa: E731
        self.records = {
            site.slug: site_record(site, self.public_url, self.publisher, photo) for site in self.catalog.by_era
        }
        records = [self.records[site.slug] for site in self.catalog.by_era]
        self.files = {
            self.csv_path: catalog_csv(records, self.publisher),
            self.geojson_path: catalog_geojson(records, self.publisher),
        }
        self.context["history_catalog"] = self.catalog
        featured = self.catalog.featured(self.ward.build_date.toordinal())
        if featured is not None:
            self.context["featured_site"] = featured
        # The foundation writes /opendata/ from every plugin's downloads, after all have read their content.
        downloads = self.context.setdefault("ward_opendata", [])
        downloads += [
            {
                "title": "金沢区の史跡・文化財一覧（文化財一覧形式）",
                "url": self.csv_path,
                "format": "CSV",
                "description": "自治体標準オープンデータセット「文化財一覧」の項目順です。文字コードは UTF-8（BOM 付き）です。",
                "size": len(self.files[self.csv_path]),
                "updated": self.ward.build_date,
            },
            {
                "title": "金沢区の史跡・文化財の位置",
                "url": self.geojson_path,
                "format": "GeoJSON",
                "description": "緯度・経度が分かる史跡の点データ（世界測地系）です。百科事典から取った値は"
                "「coordinates_from」が「百科事典」で、その出典を「coordinates_source」に記しています。",
                "size": len(self.files[self.geojson_path]),
                "updated": self.ward.build_date,
            },
        ]

    def _linked(self, sites: list[Site]) -> list[Site]:
        by_slug = {s.slug: s for s in sites}
        linked = []
        for site in sites:
            near = nearest(site, sites, self.history.nearest_count, self.history.walk_metres_per_minute)
            related = tuple(by_slug[slug] for slug in site.meta.related if slug in by_slug)
            linked.append(dataclasses.replace(site, nearest=near, related=related))
        return linked

    def generate_output(self, writer) -> None:
        section = self.ward.section(SECTION)
        latest = [a for a in self.context.get("articles", []) if a.category.slug == SECTION]
        latest = latest[: self.history.latest_articles]
        pages = [
            ("history/catalog", "history/index.html", {"order": "era", "history_articles": latest}),
            ("history/catalog", "history/gojuon/index.html", {"order": "reading"}),
            ("history/facet", "history/designation/index.html", {"facet": "designation"}),
            ("history/facet", "history/era/index.html", {"facet": "era"}),
            ("history/facet", "history/area/index.html", {"facet": "area"}),
            ("history/map", "history/map/index.html", {}),
        ]
        for template, save_as, values in pages:
            self._write(writer, template, save_as, section=section, **values)
        for site in self.catalog.by_era:
            self._write(
                writer,
                "history/site",
                f"{site.url}index.html",
                section=section,
                site=site,
                site_jsonld=site_jsonld(self.records[site.slug]),
            )
        if self.previews_drafts:
            for doc in self.drafts_of(self.kind.name):
                html = document_html(doc, self.ward.own_hosts)
                site = Site(doc, html, html_to_text(html))
                jsonld = site_jsonld(site_record(site, self.public_url, self.publisher))
                self.write_draft(
                    writer,
                    "history/site",
                    site.url,
                    history=self.history,
                    catalog=self.catalog,
                    section=section,
                    site=site,
                    site_jsonld=jsonld,
                )
        for rel, data in sorted(self.files.items()):
            self.write_bytes(rel, data)

    def _write(self, writer, template: str, save_as: str, **values) -> None:
        self.write_page(writer, template, save_as, history=self.history, catalog=self.catalog, **values)

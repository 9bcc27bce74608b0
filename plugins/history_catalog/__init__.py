"""History-site catalog: catalog and facet pages, site pages, walking map, CSV/GeoJSON open data."""

from .plugin import register

__all__ = ["register"]

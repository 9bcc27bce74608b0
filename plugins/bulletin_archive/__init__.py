"""Archive of 広報よこはま金沢区版: issue pages, fiscal-year pages, covers, full text, Atom feed."""

from .plugin import register

__all__ = ["register"]

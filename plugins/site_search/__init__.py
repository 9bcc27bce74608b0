"""Site search: the /search/ page and a Pagefind index of the written site, served from the site itself."""

from .plugin import register

__all__ = ["register"]

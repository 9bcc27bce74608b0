"""Emergency mode: one file, content/emergency.md, puts a notice at the top of every page."""

from .plugin import register

__all__ = ["register"]

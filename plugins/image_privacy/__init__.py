"""Strips EXIF (GPS, camera, owner) and other metadata from photos copied from content/ before they are published."""

from .plugin import register

__all__ = ["register"]

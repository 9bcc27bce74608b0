"""Strips author, creator tool, producer, XMP and private application data from every published PDF."""

from .plugin import register

__all__ = ["register"]

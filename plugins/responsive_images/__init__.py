"""Photos published as <picture>: resized copies (AVIF, WebP, JPEG/PNG), never the original, cached by content hash."""

from .plugin import register

__all__ = ["register"]

"""The staff editor at /admin/: Decap CMS, vendored, with its configuration generated from the schemas."""

from .plugin import register

__all__ = ["register"]

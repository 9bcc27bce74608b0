"""Signal wiring of the CMS page."""

from __future__ import annotations

from pelican import signals

from .generator import CmsAdminGenerator


def get_generators(pelican):
    return CmsAdminGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)

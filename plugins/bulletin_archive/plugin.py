"""Signal wiring of the bulletin archive: its content types and one generator."""

from __future__ import annotations

from functools import partial

from pelican import signals

from ward_content.config import settings_models
from ward_content.data_files import DataCheck, data_checks
from ward_content.registry import content_types

from .generator import BulletinGenerator
from .pdf_size import pdf_size_warnings
from .schema import KIND
from .settings import BulletinSettings, read_settings


def provide_kinds(sender):
    return (KIND,)


def get_generators(pelican):
    return BulletinGenerator


def provide_settings(sender):
    return BulletinSettings


def provide_data_checks(sender):
    """The sender is the Pelican object in a build and the settings dict in `invoke check`."""
    settings = read_settings(getattr(sender, "settings", sender) or {})
    check = partial(pdf_size_warnings, settings=settings)
    return (DataCheck(name="bulletin_pdf_size", label="PDF の大きさ", documents_check=check),)


def register() -> None:
    settings_models.connect(provide_settings)
    content_types.connect(provide_kinds)
    signals.get_generators.connect(get_generators)
    data_checks.connect(provide_data_checks)

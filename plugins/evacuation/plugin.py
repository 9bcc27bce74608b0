"""Signal wiring of the evacuation places: one generator, and the CSV check for `invoke check`."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from ward_content.data_files import DataCheck, data_checks

from .generator import EvacuationGenerator
from .rows import read_all
from .settings import read_settings


def get_generators(pelican):
    return EvacuationGenerator


def check_csv(content_root: Path) -> list:
    """The same row checks the build runs, with the default settings (the check reads no pelicanconf)."""
    return read_all(content_root, read_settings({}))[1]


CHECK = DataCheck(name="evacuation", label="避難場所の一覧（CSV）", check=check_csv)


def provide_data_checks(sender):
    return (CHECK,)


def register() -> None:
    signals.get_generators.connect(get_generators)
    data_checks.connect(provide_data_checks)

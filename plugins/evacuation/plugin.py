"""Signal wiring of the evacuation places: one generator, and the CSV check the content set runs."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from pelican import signals

from ward_content.config import settings_models
from ward_content.data_files import DataCheck, data_checks

from .columns import DISASTERS
from .generator import EvacuationGenerator
from .rows import read_all
from .settings import EvacuationSettings, read_settings


def get_generators(pelican):
    return EvacuationGenerator


def check_csv(content_root: Path, settings: EvacuationSettings) -> list:
    """Every row problem, for the content set (build and `invoke check`)."""
    return read_all(content_root, settings)[1]


def place_urls(content_root: Path, settings: EvacuationSettings) -> list[str]:
    """The pages and files written from the CSVs, so content may link to them (`/bousai/hinan/`)."""
    base = settings.url
    places = read_all(content_root, settings)[0]
    return [
        base,
        *(f"{base}{key}/" for key, _, _ in DISASTERS),
        *(f"{base}{place.id}/" for place in places),
        settings.shelter_csv_path,
        settings.space_csv_path,
        settings.geojson_path,
    ]


def provide_data_checks(sender):
    """The sender is the Pelican object in a build and the settings dict in `invoke check`."""
    settings = read_settings(getattr(sender, "settings", sender) or {})
    return (
        DataCheck(
            name="evacuation",
            label="避難場所の一覧（CSV）",
            check=partial(check_csv, settings=settings),
            site_urls=partial(place_urls, settings=settings),
        ),
    )


def provide_settings(sender):
    return EvacuationSettings


def register() -> None:
    settings_models.connect(provide_settings)
    signals.get_generators.connect(get_generators)
    data_checks.connect(provide_data_checks)

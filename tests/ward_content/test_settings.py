"""Settings are typed models, validated once per build; every bad setting of every plugin is reported at once."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import article, build_site

from ward_content.config import PluginSettings, problems_of, validate_all
from ward_content.errors import ConfigurationError
from ward_content.settings import WardSettings, read_settings


class DemoSettings(PluginSettings):
    prefix = "DEMO_"
    count: int = 3
    path: str = "demo/x.csv"


def test_defaults_and_values_are_typed():
    ward = read_settings({"WARD_BUILD_DATE": "2026-11-28", "SITEURL": "https://example.jp", "WARD_SECTIONS": []})
    assert ward.build_date == date(2026, 11, 28)
    assert ward.own_hosts == frozenset({"example.jp"})
    assert ward.summary_length == 120
    with pytest.raises(Exception):  # noqa: B017 (frozen: any pydantic error)
        ward.summary_length = 3


def test_every_problem_of_every_plugin_is_reported_at_once():
    settings = {"WARD_SUMMARY_LENGTH": 0, "WARD_BUILD_DAT": "2026-11-28", "DEMO_COUNT": "many", "DEMO_PATHS": "x"}
    with pytest.raises(ConfigurationError) as caught:
        validate_all(settings, [WardSettings, DemoSettings])
    lines = str(caught.value).splitlines()[1:]
    assert lines == [
        "DEMO_PATHS: unknown setting; did you mean DEMO_PATH?",
        "DEMO_COUNT: Input should be a valid integer, unable to parse string as an integer, received 'many'",
        "WARD_BUILD_DAT: unknown setting; did you mean WARD_BUILD_DATE?",
        "WARD_SUMMARY_LENGTH: Input should be greater than 0, received 0",
    ]


def test_a_bad_build_date_names_the_setting():
    _, problems = problems_of({"WARD_BUILD_DATE": "2026-13-01"}, WardSettings)
    assert problems == ["WARD_BUILD_DATE: expected YYYY-MM-DD, received '2026-13-01'"]


def test_the_build_stops_on_a_bad_setting_before_reading_content(tmp_path):
    with pytest.raises(ConfigurationError, match="WARD_SUMMARY_LENGTH"):
        build_site(tmp_path, {"news/a.md": article()}, WARD_SUMMARY_LENGTH=-1)
    assert not (tmp_path / "output" / "index.html").exists()

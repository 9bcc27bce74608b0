"""EVACUATION_* and EMERGENCY_* settings: typed, every bad or misspelled value reported at once."""

from datetime import datetime

import pytest
from emergency.settings import EmergencySettings
from evacuation.settings import EvacuationSettings

from ward_content.config import validate_all
from ward_content.dates import TOKYO
from ward_content.errors import ConfigurationError


def test_defaults_are_valid():
    found = validate_all({"WARD_BUILD_DATE": "2026-11-28"}, [EvacuationSettings, EmergencySettings])
    assert found[EvacuationSettings].bounds == (35.30, 139.57, 35.39, 139.68)
    assert found[EmergencySettings].now == datetime(2026, 11, 28, tzinfo=TOKYO)


def test_every_bad_value_is_reported_at_once():
    settings = {
        "EVACUATION_BOUNDS": (35.39, 139.57, 35.30, 139.68),
        "EVACUATION_MAX_ROWS": 0,
        "EVACUATION_SPACE_FIEL": "x.csv",
        "EMERGENCY_NOW": "そのうち",
        "EMERGENCY_PAGE_PATH": "/etc/x.html",
    }
    with pytest.raises(ConfigurationError) as caught:
        validate_all(settings, [EvacuationSettings, EmergencySettings])
    text = str(caught.value)
    for name in ("EVACUATION_BOUNDS", "EVACUATION_MAX_ROWS", "EMERGENCY_NOW", "EMERGENCY_PAGE_PATH"):
        assert f"{name}:" in text
    assert "EVACUATION_SPACE_FIEL: unknown setting; did you mean EVACUATION_SPACE_FILE?" in text

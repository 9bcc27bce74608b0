"""EVENTS_* settings: defaults, and a wrong value is refused with what was expected and received."""

import pytest
from events.settings import EventsSettings, read_settings

from ward_content.errors import ConfigurationError


def test_defaults_when_nothing_is_set():
    assert read_settings({}) == EventsSettings()


def test_values_are_read():
    got = read_settings({"EVENTS_HOME_COUNT": 3, "EVENTS_ICS_PATH": "events/all.ics"})
    assert (got.home_count, got.ics_path) == (3, "events/all.ics")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("EVENTS_HOME_COUNT", 0, "EVENTS_HOME_COUNT: expected a positive integer, received 0"),
        (
            "EVENTS_ICS_PATH",
            "/events.ics",
            "EVENTS_ICS_PATH: expected a non-empty relative string, received '/events.ics'",
        ),
    ],
)
def test_wrong_values_are_refused(name, value, message):
    with pytest.raises(ConfigurationError) as caught:
        read_settings({name: value})
    assert str(caught.value) == message

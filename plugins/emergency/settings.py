"""EMERGENCY_* settings: one typed model, validated with every plugin's settings when a build or check starts."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import field_validator, model_validator

from ward_content.config import PluginSettings, read
from ward_content.dates import TOKYO, parse_date, parse_datetime, to_datetime


class EmergencySettings(PluginSettings):
    """Where the notice page and feed go, who to call, and the moment expiry is judged at."""

    prefix: ClassVar[str] = "EMERGENCY_"

    # The build's moment: EMERGENCY_NOW, else the start of WARD_BUILD_DATE, else the clock. A build for a
    # fixed date is reproducible; the daily build removes a notice once its expiry has passed.
    now: datetime | None = None
    page_path: str = "emergency/index.html"
    feed_path: str = "feeds/emergency.atom.xml"
    # 金沢区総務課 防災担当 (as printed in 広報よこはま金沢区版, August 2025).
    contact_department: str = "金沢区総務課 防災担当（区役所6階 603窓口）"
    contact_phone: str = "045-788-7706"
    contact_fax: str = "045-786-0934"
    evacuation_url: str = "bousai/hinan/"
    build_date: date | None = None  # derived from WARD_BUILD_DATE

    @field_validator("now", mode="before")
    @classmethod
    def _now(cls, value):
        if value is None or isinstance(value, datetime):
            return value
        try:
            return to_datetime(parse_datetime(value))
        except ValueError:
            raise ValueError("expected YYYY-MM-DD HH:MM") from None

    @field_validator("page_path", "feed_path", "evacuation_url")
    @classmethod
    def _relative(cls, value: str) -> str:
        if value.startswith("/") or ".." in value.split("/"):
            raise ValueError("expected a relative path inside the output")
        return value

    @model_validator(mode="after")
    def _moment(self):
        if self.now is None:
            now = to_datetime(self.build_date) if self.build_date else datetime.now(TOKYO)
            object.__setattr__(self, "now", now)
        return self

    @classmethod
    def derived(cls, settings: dict) -> dict:
        raw = settings.get("WARD_BUILD_DATE")
        try:
            return {"build_date": parse_date(raw) if raw else None}
        except ValueError:
            return {}  # WARD_BUILD_DATE's own model reports it


def read_settings(settings: dict) -> EmergencySettings:
    """The build's validated copy, or validated here for tools that run no build."""
    return read(settings, EmergencySettings)

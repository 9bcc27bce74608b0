"""EMERGENCY_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ward_content.dates import TOKYO, DateFormatError, parse_date, parse_datetime, to_datetime
from ward_content.errors import ConfigurationError


@dataclass(frozen=True)
class EmergencySettings:
    """Where the notice page and feed go, who to call, and the moment expiry is judged at."""

    now: datetime
    page_path: str = "emergency/index.html"
    feed_path: str = "feeds/emergency.atom.xml"
    # 金沢区総務課 防災担当 (as printed in 広報よこはま金沢区版, August 2025).
    contact_department: str = "金沢区総務課 防災担当（区役所6階 603窓口）"
    contact_phone: str = "045-788-7706"
    contact_fax: str = "045-786-0934"
    evacuation_url: str = "bousai/hinan/"


def read_settings(settings: dict) -> EmergencySettings:
    """The build's moment: EMERGENCY_NOW, else the start of WARD_BUILD_DATE, else now in Tokyo.

    A build for a fixed WARD_BUILD_DATE is reproducible; the daily build (no date set) judges expiry
    against the clock, so an expired notice disappears on the next build after its time.
    """
    defaults = EmergencySettings(now=datetime(2000, 1, 1, tzinfo=TOKYO))
    raw_now = settings.get("EMERGENCY_NOW")
    try:
        if raw_now:
            now = to_datetime(parse_datetime(raw_now))
        elif settings.get("WARD_BUILD_DATE"):
            now = to_datetime(parse_date(settings["WARD_BUILD_DATE"]))
        else:
            now = datetime.now(TOKYO)
    except (DateFormatError, ValueError) as exc:
        raise ConfigurationError(f"EMERGENCY_NOW: expected YYYY-MM-DD HH:MM, received {raw_now!r}") from exc
    values = {}
    for name in ("page_path", "feed_path", "evacuation_url"):
        value = str(settings.get(f"EMERGENCY_{name.upper()}", getattr(defaults, name)))
        if value.startswith("/") or ".." in value.split("/"):
            raise ConfigurationError(f"EMERGENCY_{name.upper()}: expected a path inside the output, received {value!r}")
        values[name] = value
    for name in ("contact_department", "contact_phone", "contact_fax"):
        values[name] = str(settings.get(f"EMERGENCY_{name.upper()}", getattr(defaults, name)))
    return EmergencySettings(now=now, **values)

"""Every message code of the emergency and evacuation plugins is explained in the staff guide."""

import re

import pytest
from conftest import ROOT

CODES = sorted(
    (
        {
            code
            for rel in ("plugins/emergency/schema.py", "plugins/evacuation/rows.py")
            for code in re.findall(r'"([a-z][a-z ./_-]+)",?\s*\)', (ROOT / rel).read_text(encoding="utf-8"))
        }
        | {"too long", "time missing"}
    )
    - {"after", "emergency/"}  # model_validator(mode="after") and a reserved URL, not message codes
)


@pytest.mark.parametrize("code", CODES)
def test_code_is_in_the_staff_guide(code):
    guide = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert f"`{code}`" in guide


def test_codes_were_found():
    assert {"missing name", "coordinate outside the ward", "unknown disaster type flag", "duplicate id"} <= set(CODES)

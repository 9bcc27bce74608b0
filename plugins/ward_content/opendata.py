"""Who publishes the open data, what every file is called, and how an address is split.

自治体標準オープンデータセット: 「都道府県コード又は市区町村コード」 is the code of the local public body
that publishes the data, and 都道府県名・市区町村名 name that same body. A ward of a designated city is
no local public body: 横浜市 (141003) publishes, so the code and the names agree on 横浜市; where each
thing is (金沢区, 141089) is said by 住所 and, in GeoJSON, by `lg_code`. docs/opendata.md has the reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATASET = re.compile(r"[a-z][a-z_]*[a-z]")
_EXTENSIONS = ("csv", "geojson")


@dataclass(frozen=True)
class Publisher:
    """The publishing body (the city) and the ward where the data's things are."""

    code: str = "141003"  # 横浜市
    prefecture: str = "神奈川県"
    municipality: str = "横浜市"
    location_code: str = "141089"  # 横浜市金沢区
    ward: str = "金沢区"

    def path(self, dataset: str, extension: str) -> str:
        """The one naming scheme of every open-data file: opendata/141003_cultural_property.csv."""
        if not _DATASET.fullmatch(dataset) or extension not in _EXTENSIONS:
            raise ValueError(f"open-data file name: expected a snake_case dataset and csv/geojson, got {dataset!r}")
        return f"opendata/{self.code}_{dataset}.{extension}"

    def address(self, text: str, postal_code: str | None = None) -> Address:
        """「横浜市金沢区海の公園」, 「金沢区金沢町」 or 「神奈川県横浜市…」 as region, locality and street.

        An address elsewhere (鎌倉市…) is kept as written, with no region or locality claimed.
        """
        rest = text.strip().removeprefix(self.prefecture)
        if not rest.startswith((self.municipality, self.ward)):
            return Address(None, None, text.strip(), postal_code)
        rest = rest.removeprefix(self.municipality)
        if rest.startswith(self.ward):
            return Address(self.prefecture, self.municipality + self.ward, rest.removeprefix(self.ward), postal_code)
        return Address(self.prefecture, self.municipality, rest, postal_code)


@dataclass(frozen=True)
class Address:
    """A Japanese address in schema.org's parts; `full` is the 住所 column (神奈川県横浜市金沢区…)."""

    region: str | None
    locality: str | None
    street: str
    postal_code: str | None = None

    @property
    def full(self) -> str:
        return (self.region or "") + (self.locality or "") + self.street

    def jsonld(self) -> dict:
        data = {"@type": "PostalAddress", "addressCountry": "JP"}
        if self.region:
            data["addressRegion"] = self.region
        if self.locality:
            data["addressLocality"] = self.locality
        if self.street:
            data["streetAddress"] = self.street
        if self.postal_code:
            data["postalCode"] = self.postal_code
        return data


def read_publisher(settings: dict) -> Publisher:
    """The publisher from the validated WARD_OPENDATA_* settings (ward_content.settings)."""
    from .settings import read_settings

    ward = read_settings(settings)
    return Publisher(
        code=ward.opendata_code,
        prefecture=ward.opendata_prefecture,
        municipality=ward.opendata_municipality,
        location_code=ward.opendata_location_code,
        ward=ward.opendata_ward,
    )

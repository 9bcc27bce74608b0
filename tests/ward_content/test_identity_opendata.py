"""Pure parts of the contracts: the identity setting, tag URIs, the open-data publisher and addresses."""

from __future__ import annotations

import pytest

from ward_content.errors import ConfigurationError
from ward_content.identity import read_identity, tag_uri
from ward_content.maps import map_link
from ward_content.opendata import Publisher, read_publisher

IDENTITY = "tag:city.yokohama.lg.jp,2026:kanazawa/"


def test_identity_is_read_and_ids_are_made_from_site_paths():
    assert read_identity({"WARD_IDENTITY": IDENTITY}) == IDENTITY
    assert tag_uri(IDENTITY, "events/hanabi-2026/") == f"{IDENTITY}events/hanabi-2026/"
    assert tag_uri(IDENTITY, "/feeds/all.atom.xml") == f"{IDENTITY}feeds/all.atom.xml"
    with pytest.raises(ValueError):
        tag_uri(IDENTITY, "https://kanazawa-ward.github.io/events/")


@pytest.mark.parametrize(
    "value",
    [None, "", "https://kanazawa-ward.github.io/", "tag:kanazawa-ward.github.io:x/", "tag:city.yokohama.lg.jp,2026:x"],
)
def test_a_wrong_identity_is_a_developer_error(value):
    with pytest.raises(ConfigurationError) as caught:
        read_identity({"WARD_IDENTITY": value})
    assert str(caught.value).startswith("WARD_IDENTITY: expected a tag URI prefix")


@pytest.mark.parametrize(
    ("written", "region", "locality", "street"),
    [
        ("横浜市金沢区海の公園", "神奈川県", "横浜市金沢区", "海の公園"),
        ("金沢区金沢町", "神奈川県", "横浜市金沢区", "金沢町"),
        ("神奈川県横浜市金沢区泥亀2-9-1", "神奈川県", "横浜市金沢区", "泥亀2-9-1"),
        ("横浜市中区港町1-1", "神奈川県", "横浜市", "中区港町1-1"),
        ("鎌倉市二階堂", None, None, "鎌倉市二階堂"),
    ],
)
def test_addresses_split_into_schema_org_parts(written, region, locality, street):
    address = Publisher().address(written, "236-0021")
    assert (address.region, address.locality, address.street) == (region, locality, street)
    assert address.full.endswith(street)
    data = address.jsonld()
    assert data["postalCode"] == "236-0021" and data.get("addressLocality") == locality


def test_every_open_data_file_is_named_one_way():
    publisher = read_publisher({})
    assert publisher.path("event", "csv") == "opendata/141003_event.csv"
    assert publisher.path("cultural_property", "geojson") == "opendata/141003_cultural_property.geojson"
    with pytest.raises(ValueError):
        publisher.path("Events", "xlsx")


def test_a_wrong_publisher_code_is_a_developer_error():
    with pytest.raises(ConfigurationError) as caught:
        read_publisher({"WARD_OPENDATA_CODE": "14100"})
    assert str(caught.value) == "WARD_OPENDATA_CODE: expected a 6-digit 全国地方公共団体コード, received '14100'"


def test_one_map_link_gsi_with_coordinates_search_without():
    gsi = map_link("称名寺", "横浜市金沢区金沢町", 35.3441806, 139.6303917)
    assert (gsi.url, gsi.provider) == ("https://maps.gsi.go.jp/#17/35.3441806/139.6303917/", "地理院地図")
    assert gsi.text == "地理院地図で「称名寺」の位置を見る"
    search = map_link("会場", "横浜市金沢区海の公園", None, None)
    assert search.url.startswith("https://www.openstreetmap.org/search?query=")
    assert map_link("会場", None, None, None) is None


def test_the_identity_setting_is_checked_with_the_others():
    from ward_content.config import problems_of
    from ward_content.settings import WardSettings

    _, problems = problems_of({"WARD_IDENTITY": "https://kanazawa-ward.github.io/"}, WardSettings)
    assert problems == [
        "WARD_IDENTITY: expected a tag URI prefix such as 'tag:city.yokohama.lg.jp,2026:kanazawa/', "
        "received 'https://kanazawa-ward.github.io/'"
    ]

"""The one map link of the site: 地理院地図 (the national base map) at sourced coordinates, and only
where no coordinates are sourced, an OpenStreetMap search for the address (地理院地図 has no address
search a link can start). No other provider, so residents meet one kind of map everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

GSI_ZOOM = 17  # a few streets around the place


@dataclass(frozen=True)
class MapLink:
    """An external map link: where it goes and the words the link says (name and provider included)."""

    url: str
    text: str
    provider: str


def map_link(
    name: str, address: str | None, latitude: float | None, longitude: float | None, zoom: int = GSI_ZOOM
) -> MapLink | None:
    """地理院地図 at the point, an address search without one, None with neither."""
    if latitude is not None and longitude is not None:
        return MapLink(
            f"https://maps.gsi.go.jp/#{zoom}/{latitude}/{longitude}/",
            f"地理院地図で「{name}」の位置を見る",
            "地理院地図",
        )
    if address:
        return MapLink(
            f"https://www.openstreetmap.org/search?query={quote(address)}",
            f"OpenStreetMap で「{address}」を検索する",
            "OpenStreetMap",
        )
    return None

"""The field order of every collection, from the CMS configuration, for the page's save hook.

Decap sorts only an entry's top-level keys by the configuration; nested objects (venue, contact,
list rows such as images) keep the order the staff member filled them in. The admin page carries
this map so its preSave hook writes every level in our field order.
"""

from __future__ import annotations

from typing import Any


def field_order(config: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """{collection: {"" or "a.b": [field names in order]}} for every object level of every collection."""
    orders: dict[str, dict[str, list[str]]] = {}
    for collection in config.get("collections", ()):
        found: dict[str, list[str]] = {}
        # A file collection (one file at the content root) holds its form in its only file.
        files = collection.get("files") or [collection]
        _walk(files[0].get("fields", ()), "", found)
        orders[collection["name"]] = found
    return orders


def _walk(fields, path: str, found: dict[str, list[str]]) -> None:
    found[path] = [field["name"] for field in fields]
    for field in fields:
        if "fields" in field:
            _walk(field["fields"], f"{path}.{field['name']}" if path else field["name"], found)

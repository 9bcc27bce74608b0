"""The registry of content types: which folder holds which type, and its schema and URL."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .schemas.base import WardModel

if TYPE_CHECKING:
    from .document import Document
    from .errors import ContentError


@dataclass(frozen=True)
class Kind:
    """A content type. Declared once, in its schema module, as `KIND = Kind(...)`."""

    name: str  # English key used by `invoke new <name>`
    label: str  # Japanese name shown to staff
    folders: tuple[str, ...]  # content-relative folders; the first is where `invoke new` writes
    schema: type[WardModel]
    url: str  # output URL pattern with {folder} and {slug}
    title_field: str = "title"
    # Checks across all files of this type (missing related items, duplicate months...).
    collection_check: Callable[[Sequence[Document]], list[ContentError]] | None = None

    def url_for(self, folder: str, slug: str) -> str:
        """The URL a file of this type is published at."""
        return self.url.format(folder=folder, slug=slug)


@cache
def all_kinds() -> tuple[Kind, ...]:
    """Every `KIND` declared in `ward_content.schemas.*`, by name."""
    from . import schemas

    found = []
    for info in pkgutil.iter_modules(schemas.__path__):
        module = importlib.import_module(f"{schemas.__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, Kind):
            found.append(kind)
    return tuple(sorted(found, key=lambda k: k.name))


def kind_by_name(name: str) -> Kind | None:
    """The kind called `name`, or None."""
    return next((k for k in all_kinds() if k.name == name), None)


def kind_for(relative_path: str) -> tuple[Kind, str] | None:
    """The kind owning a content-relative path and the folder that matched; the longest folder wins."""
    parent = relative_path.rsplit("/", 1)[0] if "/" in relative_path else ""
    best: tuple[Kind, str] | None = None
    for kind in all_kinds():
        for folder in kind.folders:
            inside = parent == folder or parent.startswith(folder + "/")
            if inside and (best is None or len(folder) > len(best[1])):
                best = (kind, folder)
    return best


def all_folders() -> list[str]:
    """Every folder that holds content, for the 'unknown folder' message."""
    return sorted({f for k in all_kinds() for f in k.folders})

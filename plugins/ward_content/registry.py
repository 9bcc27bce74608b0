"""The content types of one build, collected from the plugins it loaded (never by scanning modules).

Each content plugin connects a receiver to `content_types` in its `register()`; the foundation sends the
signal once per build (or per `invoke check`) and keeps the answer in a `ContentTypes` value, so a
plugin left out of `PLUGINS` contributes no type, no folder and no URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from blinker import Namespace

from .kinds import Kind

# A namespace of our own: Pelican's signals are reset per build by `build_scope`, these too.
ward_signals = Namespace()
# Receivers return a Kind or an iterable of Kinds: `def provide_kinds(sender): return (KIND,)`.
content_types = ward_signals.signal("ward_content_types")
# Where a photo named in content is published (sender: its content-relative path; keyword
# arguments root and settings); the plugin that publishes photos answers with a site-relative path.
published_photo = ward_signals.signal("ward_published_photo")


def published_photo_path(rel: str, root, settings: dict) -> str:
    """The site-relative path of the published copy of a content photo (the largest fallback copy)."""
    for _receiver, answer in published_photo.send(rel, root=root, settings=settings):
        if answer:
            return answer
    return rel


@dataclass(frozen=True)
class ContentTypes:
    """The kinds a build knows, by name; answers which kind owns a content-relative path."""

    kinds: tuple[Kind, ...]
    # Checks of non-Markdown files (ward_content.data_files.DataCheck), run with the checks across files.
    data_checks: tuple = ()

    def by_name(self, name: str) -> Kind | None:
        """The kind called `name`, or None."""
        return next((k for k in self.kinds if k.name == name), None)

    def kind_for(self, relative_path: str) -> tuple[Kind, str] | None:
        """The kind owning a content-relative path and the folder that matched; the longest folder wins."""
        parent = relative_path.rsplit("/", 1)[0] if "/" in relative_path else ""
        best: tuple[Kind, str] | None = None
        for kind in self.kinds:
            for folder in kind.folders:
                inside = parent == folder or parent.startswith(folder + "/")
                if inside and (best is None or len(folder) > len(best[1])):
                    best = (kind, folder)
        return best

    def folders(self) -> list[str]:
        """Every folder that holds content, for the 'unknown folder' message."""
        return sorted({f for k in self.kinds for f in k.folders if f})


def collect(sender: object = None) -> ContentTypes:
    """Ask every connected plugin for its kinds; one name twice is a developer's mistake."""
    from .errors import ConfigurationError

    found: dict[str, Kind] = {}
    for _receiver, answer in content_types.send(sender):
        for kind in _as_kinds(answer):
            if kind.name in found and found[kind.name] is not kind:
                raise ConfigurationError(f"content type {kind.name!r} is registered by two plugins")
            found[kind.name] = kind
    from .data_files import collect_data_checks

    return ContentTypes(tuple(sorted(found.values(), key=lambda k: k.name)), collect_data_checks(sender))


def _as_kinds(answer: Kind | Iterable[Kind] | None) -> tuple[Kind, ...]:
    if answer is None:
        return ()
    if isinstance(answer, Kind):
        return (answer,)
    return tuple(answer)

"""Typed plugin settings: one pydantic model per prefix, validated once per build, every bad value at once.

A plugin declares `class EventsSettings(PluginSettings): prefix = "EVENTS_"` with typed fields and
defaults, and connects a receiver to `settings_models` in its `register()`. When a build starts the
foundation validates every registered model against Pelican's settings and raises one
ConfigurationError naming every wrong or misspelled setting of every plugin (MkDocs does the same
for its config), instead of stopping at the first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from .errors import ConfigurationError
from .registry import ward_signals

# Receivers return a PluginSettings subclass or an iterable of them.
settings_models = ward_signals.signal("ward_settings_models")

T = TypeVar("T", bound="PluginSettings")


def _positive_int(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("expected a positive integer")
    return value


def _relative_path(value):
    if not isinstance(value, str) or not value or value.startswith("/"):
        raise ValueError("expected a non-empty relative string")
    return value


def _percent(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise ValueError("expected an integer from 1 to 100")
    return value


# Field types shared by the plugins' settings, with the messages developers read.
PositiveInt = Annotated[int, BeforeValidator(_positive_int)]
RelativePath = Annotated[str, BeforeValidator(_relative_path)]
Percent = Annotated[int, BeforeValidator(_percent)]


class PluginSettings(BaseModel):
    """Base of a plugin's settings: frozen, unknown names refused, values validated by type."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)
    prefix: ClassVar[str] = ""
    # Names under the prefix that belong to someone else (publishconf's WARD_CNAME, say).
    foreign: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def setting_name(cls, field: str) -> str:
        """`home_count` → `EVENTS_HOME_COUNT`."""
        return f"{cls.prefix}{field.upper()}"

    @classmethod
    def derived(cls, settings: dict) -> dict[str, Any]:
        """Values computed from settings outside the prefix (SITEURL's host, say); none by default."""
        return {}


def problems_of(settings: dict, model: type[PluginSettings]) -> tuple[PluginSettings | None, list[str]]:
    """The validated settings, or every problem with them as 'NAME: expected …, received …'."""
    names = {model.setting_name(field): field for field in model.model_fields}
    values = {field: settings[name] for name, field in names.items() if name in settings}
    values.update(model.derived(settings))
    problems = []
    for key in sorted(settings):
        if key.startswith(model.prefix) and key not in names and key not in model.foreign:
            close = difflib.get_close_matches(key, list(names), n=1)
            hint = f"; did you mean {close[0]}?" if close else f"; known: {', '.join(sorted(names))}"
            problems.append(f"{key}: unknown setting{hint}")
    try:
        validated = model.model_validate(values)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else ""
            where = model.setting_name(field) + "".join(f"[{part!r}]" for part in error["loc"][1:])
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(f"{where}: {message}, received {error.get('input')!r}")
        validated = None
    return (validated if not problems else None), problems


def read(settings: dict, model: type[T]) -> T:
    """One plugin's settings, validated; the build's validated copy when a build is running."""
    from .build_scope import current

    scope = current()
    if scope is not None and model in scope.settings:
        return scope.settings[model]
    validated, problems = problems_of(settings, model)
    if problems:
        raise ConfigurationError("\n".join(problems))
    return validated


def validate_all(settings: dict, models: Iterable[type[PluginSettings]]) -> dict[type, PluginSettings]:
    """Every plugin's settings at once; one ConfigurationError lists every problem of every plugin."""
    found: dict[type, PluginSettings] = {}
    problems: list[str] = []
    for model in sorted(set(models), key=lambda m: m.prefix):
        validated, own = problems_of(settings, model)
        problems += own
        if validated is not None:
            found[model] = validated
    if problems:
        raise ConfigurationError("pelicanconf.py の設定に問題があります (invalid settings):\n" + "\n".join(problems))
    return found


def collect_models(sender: object = None) -> list[type[PluginSettings]]:
    """The settings models of the plugins registered in this build."""
    models: list[type[PluginSettings]] = []
    for _receiver, answer in settings_models.send(sender):
        if answer is None:
            continue
        models.extend(answer if isinstance(answer, Iterable) else (answer,))
    return models

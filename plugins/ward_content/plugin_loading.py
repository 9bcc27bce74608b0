"""The content types of a settings dict's PLUGINS, for `invoke check` and tools that run no build."""

from __future__ import annotations

from .build_scope import build_scope
from .config import collect_models, validate_all
from .errors import ConfigurationError
from .registry import ContentTypes, collect


def types_for_settings(settings: dict) -> ContentTypes:
    """Load the configured plugins, let each register, collect their kinds; nothing stays connected."""
    from pelican.plugins._utils import get_plugin_name, load_plugins

    with build_scope():
        plugins = load_plugins(settings)
        configured = [str(name).rsplit(".", 1)[-1] for name in settings.get("PLUGINS") or ()]
        loaded = {get_plugin_name(p).rsplit(".", 1)[-1] for p in plugins}
        missing = [name for name in configured if name not in loaded]
        if missing:
            raise ConfigurationError(f"PLUGINS: could not load {', '.join(missing)} (check the name and PLUGIN_PATHS)")
        for plugin in plugins:
            plugin.register()
        # `invoke check` refuses what the build would refuse: every bad setting, at once.
        validate_all(settings, collect_models())
        # The settings go to the receivers, as the Pelican object does in a build (data checks read them).
        return collect(settings)

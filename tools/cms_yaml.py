"""Front matter written the way Decap CMS writes it, so a file saved from /admin/ changes only what was edited.

Decap (the `yaml` package) indents list items under their key and leaves date-like text unquoted;
PyYAML's defaults do neither. Tools that write content files use `dump_front` to match.
"""

from __future__ import annotations

from typing import Any

import yaml


class FrontDumper(yaml.SafeDumper):
    """Block style, indented sequences, and no YAML 1.1 timestamp quoting (our loader reads dates as text)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


FrontDumper.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def dump_front(data: dict[str, Any]) -> str:
    """The YAML between the `---` lines, in the given key order."""
    return yaml.dump(
        data, Dumper=FrontDumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False
    )

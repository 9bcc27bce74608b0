"""admin/config.yml for Decap CMS, generated from the content schemas so the forms cannot drift from them.

`cms_config(kinds, backend)` takes any sequence of `Kind` objects (here the per-build registry's,
`ward_content.registry`, through `tools.site_build.project_types`), so it does not care where they come from. Hints a type cannot
carry (choices checked by a validator, a relation to another content type, a PDF beside its entry,
a file name taken from a date) sit in the schema as `Field(json_schema_extra={"cms": {...}})`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ward_content.kinds import Kind
from ward_content.schemas.base import SLUG_PATTERN, Image

HEADER = (
    "# Generated from the content schemas by `invoke cms-config` (tools/cms_config.py). Do not edit by hand:\n"
    "# a test fails when this file differs from what the schemas give.\n"
)
CONFIG_PATH = Path("admin") / "config.yml"
DATE_FORMAT = "YYYY-MM-DD"
TIME_FORMAT = "HH:mm"
IMAGE_FOLDER = "images"
SLUG_MESSAGE = "半角の小文字英数字とハイフンだけで書いてください（例: kanazawa-matsuri）"
# Decap's local backend (decap-server, started by `invoke cms`); only used when /admin/ is opened on this PC.
LOCAL_BACKEND_URL = "http://localhost:8081/api/v1"


@dataclass(frozen=True)
class Backend:
    """Where the CMS commits in production: a GitHub repository, through an OAuth proxy the ward runs."""

    repo: str
    branch: str = "main"
    auth_base_url: str | None = None  # the OAuth proxy's origin; Decap's default is Netlify's
    auth_endpoint: str | None = None
    site_url: str | None = None


# Fields whose description starts with a value (published（公開）…, true にすると…) rather than a name.
_VALUE_FIRST = {
    "status": "状態",
    "draft": "下書き",
    "featured": "トップページで紹介",
    "frequency": "繰り返しの単位",
    "approximate": "「約」を付ける",
    "required": "申込みが必要",
    "coordinates": "緯度・経度の出典",
}


def short_label(description: str, name: str) -> str:
    """A form label: the description up to its first bracket or sentence end, with the YAML key staff see in messages."""
    head = re.split(r"[（(。:：]", description, maxsplit=1)[0].strip()
    if name in _VALUE_FIRST and (re.search(r"[a-z]", head) or "のどれか" in head):
        head = _VALUE_FIRST[name]
    if not head or len(head) > 24:
        head = re.split(r"[、。]", description, maxsplit=1)[0].strip()[:24] or name
    return f"{head}（{name}）"


def _unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """The bare type, the Annotated metadata met on the way, and whether None is allowed."""
    metadata: list[Any] = []
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            metadata += list(args[1:])
            annotation = args[0]
        elif origin in (Union, UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) == 1:
                annotation = args[0]
            else:
                return args, metadata, optional  # e.g. date | datetime
        else:
            return annotation, metadata, optional


def _is_slug(metadata: list[Any]) -> bool:
    return any(getattr(getattr(m, "func", None), "__name__", "") == "_slug" for m in metadata)


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            found["min"] = item.ge
        elif isinstance(item, annotated_types.Le):
            found["max"] = item.le
        elif isinstance(item, annotated_types.MinLen):
            found["min"] = item.min_length
    return found


def _options(annotation: Any) -> list[str] | None:
    if get_origin(annotation) is Literal:
        return [str(a) for a in get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(m.value) for m in annotation]
    return None


def _choices(choices: dict[str, str]) -> list[dict[str, str]] | list[str]:
    if all(key == label for key, label in choices.items()):
        return list(choices)
    return [{"label": f"{label}（{key}）", "value": key} for key, label in choices.items()]


@dataclass(frozen=True)
class _Context:
    kind: Kind
    collections: dict[str, str]  # kind name -> collection name, for relations
    titles: dict[str, str]  # kind name -> its title field, shown in relation pickers


def _scalar_widget(annotation: Any, metadata: list[Any], ctx: _Context, hint: dict) -> dict[str, Any]:
    """Widget settings of a single value (not a list, not an object)."""
    if "relation" in hint:
        return _relation(hint["relation"], ctx)
    if "choices" in hint:
        return {"widget": "select", "options": _choices(hint["choices"])}
    if "file" in hint:
        # The file sits beside the Markdown file and is named without a folder (pdf: 2026-08.pdf).
        return {"widget": "file", "media_folder": "", "public_folder": "", "choose_url": False}
    if isinstance(annotation, list):  # date | datetime
        return {
            "widget": "datetime",
            "format": f"{DATE_FORMAT} {TIME_FORMAT}",
            "date_format": DATE_FORMAT,
            "time_format": TIME_FORMAT,
        }
    if (options := _options(annotation)) is not None:
        return {"widget": "select", "options": options}
    if annotation is date:
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False}
    if annotation is datetime:
        return {"widget": "datetime", "format": f"{DATE_FORMAT} {TIME_FORMAT}"}
    if annotation is time:
        return {"widget": "datetime", "format": TIME_FORMAT, "date_format": False, "time_format": TIME_FORMAT}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation in (int, float):
        return {"widget": "number", "value_type": "int" if annotation is int else "float", **_bounds(metadata)}
    if _is_slug(metadata):
        return {"widget": "string", "pattern": [SLUG_PATTERN.pattern, SLUG_MESSAGE]}
    return {"widget": "string"}


def _relation(kind_name: str, ctx: _Context) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": ctx.collections[kind_name],
        "value_field": "{{slug}}",
        "search_fields": [ctx.titles[kind_name]],
        "display_fields": [ctx.titles[kind_name], "{{slug}}"],
    }


def _model(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _media(kind: Kind) -> dict[str, str]:
    """Photos of a content type go to content/images/<type>/ and are written as images/<type>/name.jpg."""
    return {"media_folder": f"/content/{IMAGE_FOLDER}/{kind.name}", "public_folder": f"{IMAGE_FOLDER}/{kind.name}"}


def field_config(
    name: str, info: FieldInfo, ctx: _Context, parent: type[BaseModel] | None = None, in_optional: bool = False
) -> dict[str, Any]:
    """One Decap field from one pydantic field; `in_optional`: inside an object the entry may leave out."""
    description = info.description or name
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    hint = dict(extra.get("cms", {}))
    annotation, metadata, optional = _unwrap(info.annotation)
    metadata += list(info.metadata)
    field: dict[str, Any] = {"label": short_label(description, name), "name": name}
    if get_origin(annotation) is list:
        item, item_meta, _ = _unwrap(get_args(annotation)[0])
        field |= _list_widget(item, item_meta, ctx, hint)
        if (bounds := _bounds(metadata)).get("min"):
            field["min"] = bounds["min"]
    elif (model := _model(annotation)) is not None:
        # Decap checks an optional object's required fields even when the object is left empty, so
        # they are optional in the form; `invoke check` still names a half-filled one.
        nested = _model_fields(model, ctx, in_optional=in_optional or not info.is_required() or optional)
        field |= {"widget": "object", "collapsed": False, "fields": nested}
    elif parent is Image and name == "src":
        field |= {"widget": "image", "choose_url": False, **_media(ctx.kind)}
    else:
        field |= _scalar_widget(annotation, metadata, ctx, hint)
    required = info.is_required() and not optional
    field["required"] = required and not in_optional
    if field.get("widget") == "list" and not info.is_required():
        field["default"] = []  # else Decap starts the list with one empty row, whose required fields block saving
    elif not info.is_required() and info.default is not None and not callable(info.default_factory):
        default = info.default.value if isinstance(info.default, Enum) else info.default
        field["default"] = default
    field["hint"] = description + ("（この欄を書くときは必ず入れます）" if required and in_optional else "")
    return field


def _list_widget(item: Any, item_meta: list[Any], ctx: _Context, hint: dict) -> dict[str, Any]:
    if "relation" in hint:
        return _relation(hint["relation"], ctx) | {"multiple": True}
    if (options := _options(item)) is not None:
        return {"widget": "select", "multiple": True, "options": options}
    if (model := _model(item)) is not None:
        return {"widget": "list", "collapsed": False, "fields": _model_fields(model, ctx)}
    single = {"label": "項目", "name": "item"} | _scalar_widget(item, item_meta, ctx, {})
    return {"widget": "list", "field": single}


def _model_fields(model: type[BaseModel], ctx: _Context, in_optional: bool = False) -> list[dict[str, Any]]:
    return [
        field_config(name, info, ctx, parent=model, in_optional=in_optional)
        for name, info in model.model_fields.items()
    ]


def collection_name(kind: Kind, folder: str) -> str:
    """One collection per folder: a kind's first folder takes the kind's name, others `<kind>-<folder>`."""
    return kind.name if folder == kind.folders[0] else f"{kind.name}-{folder.replace('/', '-')}"


def _file_name(kind: Kind) -> str:
    """Decap's slug template: the `slug` field, or a field's date when the hint names a format."""
    for name, info in kind.schema.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if fmt := extra.get("cms", {}).get("file_name"):
            return "{{fields." + name + " | date('" + fmt + "')}}"
    if "slug" in kind.schema.model_fields:
        return "{{fields.slug}}"
    raise ValueError(f"content type {kind.name} has no slug field and no file_name hint")


_BODY = {
    "label": "本文（body）",
    "name": "body",
    "widget": "markdown",
    "required": False,
    "hint": "ページの本文（Markdown）",
}


def _single_file(kind: Kind, ctx: _Context) -> dict[str, Any]:
    """A kind kept in one file at the content root (the emergency notice): a Decap file collection."""
    fields = _model_fields(kind.schema, ctx)
    fields.append(dict(_BODY))
    return {
        "name": kind.name,
        "label": kind.label,
        "format": "yaml-frontmatter",
        "delete": False,
        "files": [{"name": kind.name, "label": kind.label, "file": f"content/{kind.name}.md", "fields": fields}],
    }


def _collection(kind: Kind, folder: str, ctx: _Context, section_names: dict[str, str]) -> dict[str, Any]:
    if folder == "":
        return _single_file(kind, ctx)
    fields = _model_fields(kind.schema, ctx)
    if "slug" in kind.schema.model_fields:
        # The file name comes from it: required in the form although the file may omit it.
        slug = next(f for f in fields if f["name"] == "slug")
        slug["required"] = True
        slug["hint"] = "URL とファイル名に使う英数字名（半角の小文字英数字とハイフン。例: kanazawa-matsuri）"
    fields.append(dict(_BODY))
    label = kind.label
    if len(kind.folders) > 1:
        label = f"{kind.label}: {section_names.get(folder, folder)}"
    return {
        "name": collection_name(kind, folder),
        "label": label,
        "label_singular": label,
        "folder": f"content/{folder}",
        "create": True,
        "extension": "md",
        "format": "yaml-frontmatter",
        "slug": _file_name(kind),
        "identifier_field": kind.title_field,
        "summary": "{{" + kind.title_field + "}}（{{filename}}）",
        "sortable_fields": [kind.title_field],
        "fields": fields,
    }


def cms_config(kinds: Sequence[Kind], backend: Backend, section_names: dict[str, str] | None = None) -> dict[str, Any]:
    """The whole Decap configuration, as a mapping in a stable order."""
    ordered = sorted(kinds, key=lambda k: k.name)
    collections = {kind.name: collection_name(kind, kind.folders[0]) for kind in ordered}
    titles = {kind.name: kind.title_field for kind in ordered}
    github: dict[str, Any] = {"name": "github", "repo": backend.repo, "branch": backend.branch}
    if backend.auth_base_url:
        github["base_url"] = backend.auth_base_url
    if backend.auth_endpoint:
        github["auth_endpoint"] = backend.auth_endpoint
    config: dict[str, Any] = {
        "backend": github,
        "local_backend": {"url": LOCAL_BACKEND_URL, "allowed_hosts": ["localhost", "127.0.0.1"]},
        "locale": "ja",
        "site_url": backend.site_url,
        "media_folder": f"content/{IMAGE_FOLDER}",
        "public_folder": IMAGE_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _collection(kind, folder, _Context(kind, collections, titles), section_names or {})
            for kind in ordered
            for folder in kind.folders
        ],
    }
    if not backend.site_url:
        del config["site_url"]
    return config


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases (the same option list twice is written twice)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config_yaml(kinds: Sequence[Kind], backend: Backend, section_names: dict[str, str] | None = None) -> str:
    """The text of admin/config.yml."""
    body = yaml.dump(
        cms_config(kinds, backend, section_names),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=120,
        default_flow_style=False,
    )
    return HEADER + body


def project_config(root: Path) -> str:
    """admin/config.yml as the project's configured plugins (their content types) and pelicanconf.py give it."""
    from cms_admin.settings import read_settings as read_cms_settings

    from tools.site_build import load_settings, project_types

    settings = load_settings("pelicanconf.py")
    cms = read_cms_settings(settings)
    backend = Backend(
        repo=cms.github_repo, branch=cms.github_branch, auth_base_url=cms.auth_base_url, auth_endpoint=cms.auth_endpoint
    )
    sections = {entry["slug"]: entry["name"] for entry in settings.get("WARD_SECTIONS", ())}
    return config_yaml(project_types().kinds, backend, sections)

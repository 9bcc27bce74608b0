"""admin/config.yml is generated from the schemas: committed copy up to date, widgets by type, labels in Japanese."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest
import yaml
from cms_admin.order import field_order
from conftest import ROOT
from pydantic import Field

from tools.cms_config import CONFIG_PATH, Backend, cms_config, project_config
from tools.cms_yaml import dump_front
from tools.site_build import project_types
from ward_content.frontmatter import split
from ward_content.kinds import Kind
from ward_content.schemas.base import Contact, JpDate, Slug, Text, WardModel

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def all_kinds():
    return project_types().kinds


@pytest.fixture(scope="module")
def config() -> dict:
    return cms_config(all_kinds(), Backend(repo="ward/site"), {"news": "お知らせ"})


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields: list[dict], path: str) -> dict:
    head, _, rest = path.partition(".")
    found = next(f for f in fields if f["name"] == head)
    return field(found["fields"], rest) if rest else found


def test_committed_config_matches_the_schemas():
    committed = (ROOT / CONFIG_PATH).read_text(encoding="utf-8")
    assert committed == project_config(ROOT), "admin/config.yml is out of date: run `invoke cms-config`"


def test_one_collection_per_content_folder_with_its_folder_and_file_name_rule(config):
    names = {c["name"]: c for c in config["collections"]}
    for kind in all_kinds():
        if kind.folders == ("",):
            continue  # one file at the content root: a file collection (below)
        assert names[kind.name]["folder"] == f"content/{kind.folders[0]}"
        assert len([c for c in config["collections"] if c["name"].split("-")[0] == kind.name]) == len(kind.folders)
    assert names["event"]["slug"] == "{{fields.slug}}"
    assert names["bulletin"]["slug"] == "{{fields.issue_date | date('YYYY-MM')}}"
    assert config["locale"] == "ja"
    assert config["backend"] == {"name": "github", "repo": "ward/site", "branch": "main"}


@pytest.mark.parametrize(
    ("name", "path", "expected"),
    [
        ("event", "start", {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "required": True}),
        (
            "event",
            "backup_date",
            {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False, "required": False},
        ),
        ("event", "event_status", {"widget": "select", "options": ["予定", "中止", "延期"], "default": "予定"}),
        ("event", "campaign", {"widget": "relation", "collection": "campaign", "value_field": "{{slug}}"}),
        ("event", "venue", {"widget": "object", "required": True}),
        ("event", "venue.name", {"widget": "string", "required": True}),
        ("event", "contact", {"widget": "object", "required": False}),
        ("event", "contact.department", {"widget": "string", "required": False}),
        ("event", "venue.latitude", {"widget": "number", "value_type": "float", "min": -90, "max": 90}),
        ("event", "status", {"widget": "select", "options": ["published", "draft"], "default": "published"}),
        ("history", "designation", {"widget": "select", "required": True}),
        ("history", "category", {"widget": "select", "multiple": True, "required": True}),
        ("history", "related", {"widget": "relation", "collection": "history", "multiple": True}),
        ("history", "sources", {"widget": "list", "min": 1, "required": True}),
        ("history", "images.src", {"widget": "image", "media_folder": "/content/images/history"}),
        ("history", "images.src", {"public_folder": "images/history"}),
        ("history", "unconfirmed", {"widget": "select", "multiple": True}),
        ("bulletin", "pdf", {"widget": "file", "media_folder": "", "public_folder": ""}),
        ("bulletin", "contents", {"widget": "list", "min": 1}),
        ("bulletin", "contents.page", {"widget": "number", "value_type": "int", "min": 1}),
        ("news", "image.src", {"widget": "image", "media_folder": "/content/images/news"}),
    ],
)
def test_widget_by_type(config, name, path, expected):
    found = field(collection(config, name)["fields"], path)
    assert {key: found.get(key) for key in expected} == expected


def test_select_for_a_validated_choice_shows_its_japanese_name(config):
    options = field(collection(config, "event")["fields"], "section")["options"]
    assert {"label": "まつり（festival）", "value": "festival"} in options


def test_every_field_has_a_japanese_label_and_the_schema_description_as_help(config):
    def walk(fields):
        for item in fields:
            yield item
            yield from walk(item.get("fields", ()))

    forms = [c["fields"] for c in config["collections"] if "fields" in c]
    forms += [f["fields"] for c in config["collections"] for f in c.get("files", ())]
    for fields in forms:
        for item in walk(fields):
            assert JAPANESE.search(item["label"]), item
            assert item["label"].endswith(f"（{item['name']}）") or item["name"] == "item"
            if item["name"] != "item":
                assert JAPANESE.search(item["hint"]), item


def test_slug_is_required_in_the_form_with_our_pattern(config):
    slug = field(collection(config, "history")["fields"], "slug")
    assert slug["required"] is True
    assert re.fullmatch(slug["pattern"][0], "shomyoji")
    assert not re.fullmatch(slug["pattern"][0], "称名寺")


class _Notice(WardModel):
    title: Text = Field(description="お知らせの題名")
    slug: Slug = Field(description="URL に使う英数字名")
    level: Literal["info", "warning"] = Field("info", description="重要度")
    until: JpDate | None = Field(None, description="表示する最後の日")
    contact: Contact | None = Field(None, description="お問合せ先")


def test_generator_takes_any_sequence_of_kinds():
    """Kinds from the module scan or from a per-build registry: only the Kind objects matter."""
    kind = Kind(name="notice", label="緊急のお知らせ", folders=("notices",), schema=_Notice, url="{folder}/{slug}/")
    config = cms_config((kind,), Backend(repo="ward/site"))
    (only,) = config["collections"]
    assert only["folder"] == "content/notices"
    assert [f["name"] for f in only["fields"]] == ["title", "slug", "level", "until", "contact", "body"]
    assert field(only["fields"], "level")["options"] == ["info", "warning"]


def test_field_order_for_the_save_hook(config):
    order = field_order(config)
    venue = field(collection(config, "event")["fields"], "venue")
    assert order["event"]["venue"] == [f["name"] for f in venue["fields"]]
    assert order["event"]["venue"][:2] == ["name", "address"]
    assert order["history"]["images"] == ["src", "alt"]
    assert order["history"][""][:3] == ["name", "reading", "name_en"]


@pytest.mark.parametrize("path", sorted((ROOT / "content" / "bulletins").glob("*.md")), ids=lambda p: p.name)
def test_bulletin_front_matter_is_in_the_style_the_cms_writes(path: Path):
    """So saving an issue in /admin/ changes only the edited line (Decap indents lists, leaves dates unquoted)."""
    text = path.read_text(encoding="utf-8")
    front = split(text, path.name)
    written = text.split("\n---\n", 1)[0].removeprefix("---\n") + "\n"
    assert dump_front(front.data) == written


def test_committed_config_is_yaml_decap_can_read():
    data = yaml.safe_load((ROOT / CONFIG_PATH).read_text(encoding="utf-8"))
    assert data["local_backend"]["url"] == "http://localhost:8081/api/v1"
    assert "client_secret" not in (ROOT / CONFIG_PATH).read_text(encoding="utf-8")


def test_a_kind_kept_in_one_root_file_is_a_file_collection(config):
    from emergency.schema import FILE_NAME

    emergency = collection(config, "emergency")
    (entry,) = emergency["files"]
    assert entry["file"] == f"content/{FILE_NAME}"
    assert field(entry["fields"], "level")["options"] == ["緊急", "警戒", "お知らせ"]
    assert field(entry["fields"], "issued")["format"] == "YYYY-MM-DD HH:mm"


def test_field_order_of_a_file_collection(config):
    assert field_order(config)["emergency"][""][:2] == ["level", "title"]

"""The 25 seed sites in content/history/sites/: valid, and faithful to the shared CSV (no invented coordinates)."""

import csv
import shutil

import pytest
from conftest import ROOT, build_site, check_tree, soup
from history_fixtures import FOLDER, PLUGINS

SITES = ROOT / "content" / FOLDER
SOURCE_CSV = ROOT.parent / "shared" / "data" / "kanazawa-history-sites.csv"


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    content = tmp_path_factory.mktemp("seed") / "content"
    shutil.copytree(SITES, content / FOLDER)
    result = check_tree(content)
    assert not result.errors, "\n".join(e.format() for e in result.errors)
    return {doc.meta.name: doc for doc in result.documents}


def test_25_sites_with_ascii_file_names(documents):
    assert len(documents) == 25
    assert all(doc.slug.isascii() for doc in documents.values())


@pytest.mark.skipif(not SOURCE_CSV.exists(), reason="the shared data folder is not next to the repository")
def test_every_csv_row_has_its_file_with_the_same_coordinates_and_doubts(documents):
    with SOURCE_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["name"] for r in rows) == sorted(documents)
    for row in rows:
        meta = documents[row["name"]].meta
        if row["latitude"]:
            assert (meta.latitude, meta.longitude) == (float(row["latitude"]), float(row["longitude"]))
        else:
            assert meta.latitude is None and meta.longitude is None, row["name"]  # never invent coordinates
        assert meta.name_en == row["name_en"]
        assert meta.designation.value == row["designation"].split("（")[0].rstrip("?")
        for column, field in (("designation", "designation"), ("era", "era"), ("name_kana", "reading")):
            if "?" in row[column].split("（")[0]:
                assert field in meta.unconfirmed, (row["name"], field)
        if row["nearest_station"].endswith("?"):
            assert "access" in meta.unconfirmed, row["name"]
        assert documents[row["name"]].body.strip() == row["short_description"]


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seedsite")
    files = {f"{FOLDER}/{path.name}": path.read_text(encoding="utf-8") for path in sorted(SITES.glob("*.md"))}
    return build_site(tmp, files=files, PLUGINS=PLUGINS)


def test_seed_catalog_pages(seed_output):
    assert len(soup(seed_output, "history/index.html").select(".ward-history-card")) == 25
    shomyoji = soup(seed_output, "history/shomyoji/index.html")
    near = [i.a.get_text() for i in shomyoji.select(".ward-history-nearby__item")]
    assert near == ["神奈川県立金沢文庫", "称名寺聖教・金沢文庫文書", "称名寺貝塚"]
    # 琵琶島神社's only coordinate is from an anime-pilgrimage dataset (NOTES): no pin, 要確認.
    biwajima = soup(seed_output, "history/biwajima-jinja/index.html")
    assert biwajima.select_one("[data-ward-map]") is None
    assert "要確認" in biwajima.select_one(".ward-history-site__nomap").get_text()

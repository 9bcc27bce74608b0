"""The sample CSV files hold only sourced facts (kanazawa-bousai-NOTES.md): names and kinds, no guessed values."""

from collections import Counter

from conftest import ROOT
from evacuation.rows import read_all
from evacuation.settings import read_settings


def test_sample_files_are_clean_and_hold_the_sourced_places():
    places, errors = read_all(ROOT / "content", read_settings({}))
    assert errors == []
    assert Counter(p.kind for p in places) == {"kyoten": 20, "fusuigai": 5, "koiki": 1}
    kyoten = [p.name for p in places if p.kind == "kyoten"]
    assert kyoten[0] == "小田小学校" and kyoten[-1] == "大道小学校"
    assert "関東学院大学 横浜・金沢八景キャンパス12号館" in {p.name for p in places}


def test_nothing_unsourced_is_filled_in():
    places, _ = read_all(ROOT / "content", read_settings({}))
    for place in places:
        assert place.coordinates is None and place.address == "" and place.capacity is None, place.name
        assert place.get("備考").startswith("要確認"), place.name

"""The catalog's pure parts: 五十音 keys, distances, walking minutes, labels."""

import pytest
from history_catalog.model import (
    Nearby,
    access_label,
    distance_m,
    gojuon_key,
    gojuon_row,
    step_label,
    walking_minutes,
)
from history_catalog.schema import Access, DesignationStep, Era, Source


@pytest.mark.parametrize(
    ("reading", "key"),
    [
        ("がっこう", "かつこう"),
        ("ショウミョウジ", "しようみようし"),
        ("ぱん", "はん"),
        ("きてんでら", "きてんてら"),
    ],
)
def test_gojuon_key_ignores_voicing_small_kana_and_script(reading, key):
    assert gojuon_key(reading) == key


@pytest.mark.parametrize(
    ("reading", "row"),
    [
        ("あさいな", "あ行"),
        ("ぎょく", "か行"),
        ("じょうぎょう", "さ行"),
        ("びわじま", "は行"),
        ("わかば", "わ行"),
        ("（", "その他"),
    ],
)
def test_gojuon_row(reading, row):
    assert gojuon_row(reading) == row


def test_gojuon_order_puts_voiced_kana_with_their_row():
    readings = ["きてんでら", "がっこう", "かわ", "さくら"]
    assert sorted(readings, key=gojuon_key) == ["がっこう", "かわ", "きてんでら", "さくら"]


@pytest.mark.parametrize(
    ("a", "b", "metres"),
    [
        ((35.34, 139.63), (35.34, 139.63), 0),
        ((35.34, 139.63), (35.35, 139.63), 1112),  # 0.01° of latitude
        ((35.3441806, 139.6303917), (35.34391, 139.62875), 152),  # 称名寺 → 金沢文庫 (NOTES: about 150 m)
        ((35.332528, 139.621972), (35.3320, 139.6221), 60),  # 瀬戸神社 → 琵琶島神社 (NOTES: about 60 m)
    ],
)
def test_distance_in_metres(a, b, metres):
    assert distance_m(a, b) == pytest.approx(metres, abs=2)


@pytest.mark.parametrize(("metres", "minutes"), [(0, 1), (80, 1), (81, 2), (800, 10), (1000, 13)])
def test_walking_minutes_at_80_m_per_minute_rounded_up(metres, minutes):
    assert walking_minutes(metres, 80) == minutes


@pytest.mark.parametrize(("metres", "label"), [(12, "すぐ近く"), (152, "約150m"), (994, "約990m"), (1234, "約1.2km")])
def test_distance_label(metres, label):
    assert Nearby(site=None, metres=metres, minutes=1).distance_label == label


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"station": "金沢文庫駅", "walk_minutes": 12}, "金沢文庫駅から徒歩12分"),
        ({"station": "野島公園駅", "walk_minutes": 5, "walk_minutes_max": 6}, "野島公園駅から徒歩5〜6分"),
        (
            {
                "station": "金沢文庫駅",
                "walk_minutes": 20,
                "walk_minutes_max": 25,
                "approximate": True,
                "note": "山道経由",
            },
            "金沢文庫駅から徒歩約20〜25分（山道経由）",
        ),
        ({"station": "金沢八景駅", "note": "バス「朝比奈」下車"}, "金沢八景駅（バス「朝比奈」下車）"),
    ],
)
def test_access_label(fields, label):
    assert access_label(Access(**fields)) == label


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"kind": "公式・行政", "title": "横浜市「称名寺」"}, "公式・行政"),
        ({"kind": "所有者・管理者", "title": "瀬戸神社「御神宝」"}, "所有者・管理者"),
        ({"kind": "データベース", "title": "文化遺産オンライン"}, "データベース"),
        ({"kind": "参考", "label": "個人サイト", "title": "ブログ"}, "参考（個人サイト）"),
    ],
)
def test_source_kind_label(fields, label):
    assert Source(**fields).kind_label == label


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"date": "2016-08-17", "event": "国宝に指定"}, "2016年8月17日 国宝に指定"),
        ({"year": 1995, "event": "県の重要文化財に指定"}, "1995年 県の重要文化財に指定"),
    ],
)
def test_step_label(fields, label):
    assert step_label(DesignationStep(**fields)) == label


def test_eras_are_ordered_from_jomon_to_showa():
    eras = [e.value for e in Era]
    assert (eras[0], eras[-1]) == ("縄文時代", "昭和時代")
    assert Era.kamakura.order < Era.nanbokucho.order < Era.muromachi.order < Era.edo.order < Era.meiji.order

"""The 自治体標準オープンデータセット columns the CSV files keep, and the disaster types and kinds shown."""

from __future__ import annotations

_COMMON_HEAD = (
    "NO",
    "名称",
    "名称_カナ",
    "住所",
    "方書",
    "緯度",
    "経度",
    "標高",
    "電話番号",
    "内線番号",
    "市区町村コード",
    "都道府県名",
    "市区町村名",
    "災害種別_洪水",
    "災害種別_崖崩れ、土石流及び地滑り",
    "災害種別_高潮",
    "災害種別_地震",
    "災害種別_津波",
    "災害種別_大規模な火事",
    "災害種別_内水氾濫",
    "災害種別_火山現象",
)
# 指定緊急避難場所一覧 (first edition), in this exact order.
SPACE_COLUMNS = (*_COMMON_HEAD, "指定避難所との重複", "想定収容人数", "対象となる町会・自治会", "URL", "備考")
# 指定避難所一覧: the same block with the reverse cross-reference. Its official column list could not be
# confirmed from here; it is this one constant to correct.
SHELTER_COLUMNS = (*_COMMON_HEAD, "指定緊急避難場所との重複", "想定収容人数", "対象となる町会・自治会", "URL", "備考")

# (URL key, label shown, column). The order is the filter order on the pages.
DISASTERS = (
    ("jishin", "地震", "災害種別_地震"),
    ("kozui", "洪水", "災害種別_洪水"),
    ("dosha", "土砂災害", "災害種別_崖崩れ、土石流及び地滑り"),
    ("takashio", "高潮", "災害種別_高潮"),
    ("tsunami", "津波", "災害種別_津波"),
    ("kasai", "大規模な火事", "災害種別_大規模な火事"),
)
# Kept in the data and shown on a place's page, but the ward has no filter for them.
OTHER_DISASTERS = (("内水氾濫", "災害種別_内水氾濫"), ("火山現象", "災害種別_火山現象"))
FLAG_COLUMNS = tuple(column for *_, column in DISASTERS) + tuple(column for _, column in OTHER_DISASTERS)
STORM_COLUMNS = ("災害種別_洪水", "災害種別_崖崩れ、土石流及び地滑り", "災害種別_高潮", "災害種別_内水氾濫")

# (key, label, explanation) in the order the list shows them.
KINDS = (
    (
        "kyoten",
        "地域防災拠点",
        "大きな地震で自宅で生活できなくなったときの避難先です。区内の小・中学校が指定されています。",
    ),
    ("fusuigai", "風水害時の避難場所", "大雨や台風で土砂災害や浸水のおそれがあるときに開く避難場所です。"),
    ("koiki", "広域避難場所", "地震による大規模な火災から身を守るために避難する広い場所です。"),
    ("other", "その他の避難場所", "上のどれにも当たらない指定緊急避難場所です。"),
)

"""Pelican settings for building and previewing the Kanazawa Ward site on a staff PC."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Settings are read once per build; the guard keeps sys.path from growing with every rebuild.
if str(HERE / "plugins") not in sys.path:
    sys.path.insert(0, str(HERE / "plugins"))

from responsive_images.markup import FILTERS as PHOTO_FILTERS  # noqa: E402

from ward_content.jinja_filters import FILTERS  # noqa: E402 (needs the plugins folder on sys.path)
from ward_content.order import newest_first, page_order  # noqa: E402
from ward_content.sources import pelican_ignore_files  # noqa: E402

AUTHOR = "横浜市金沢区役所"
SITENAME = "金沢区ホームページ"
SITESUBTITLE = "横浜市金沢区の広報サイト"
SITEURL = "http://localhost:8000"
# The address residents use; canonical links, feeds and the sitemap point here.
WARD_PUBLIC_URL = "http://localhost:8000"
RELATIVE_URLS = True
# Where every Atom id and iCalendar UID comes from (tag URI, RFC 4151): Yokohama City has held
# city.yokohama.lg.jp since before 2026, and the ward's pages live under kanazawa/ there. Never
# change it: ids made from it must stay the same when SITEURL moves (preview -> real domain).
WARD_IDENTITY = "tag:city.yokohama.lg.jp,2026:kanazawa/"

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Asia/Tokyo"
DEFAULT_LANG = "ja"
# Japanese dates are formatted by our own filters; '%a'/'%B' would depend on the OS locale.
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
LOCALE = ("C.UTF-8", "C")

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "ward_content",
    "bulletin_archive",
    "image_privacy",
    "pdf_privacy",
    "events",
    "history_catalog",
    "site_search",
    "emergency",
    "evacuation",
    "responsive_images",
    "cms_admin",
]
# `picture`/`pictures` are always defined, so the theme renders without the responsive_images plugin too.
JINJA_FILTERS = {**FILTERS, **PHOTO_FILTERS}

# Folders by content type; see plugins/ward_content/schemas/. The catalog, bulletin and
# event plugins read their own folders.
ARTICLE_PATHS = ["news", "reading", "kosodate", "health", "bousai", "office", "history"]
ARTICLE_EXCLUDES = ["history/sites"]
PAGE_PATHS = ["pages"]
# Photos (content/images/ and beside the Markdown) are published only as resized copies by the
# responsive_images plugin, never as the original; files/ (募集要項, maps) is copied as it is.
STATIC_PATHS = ["files"]
# Editor, Office and OS lock and backup files (#x#, x.save, ~$x.docx, Thumbs.db...): never read or published.
IGNORE_FILES = pelican_ignore_files()
# Pelican would publish an .html or .rst file in a content folder as a page, script and all; only our
# Markdown reader reads content (an .html file under content/ is refused by the content check).
READERS = {"html": None, "htm": None, "rst": None}
USE_FOLDER_AS_CATEGORY = True

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_URL = "drafts/{category}/{slug}/"
DRAFT_SAVE_AS = "drafts/{category}/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/{slug}/index.html"
# Section landing pages are written by the ward_content plugin with Japanese names;
# Pelican's own category, tag and author pages would slugify Japanese into pinyin.
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "404"]
PAGINATED_TEMPLATES = {}
DEFAULT_PAGINATION = False
SLUGIFY_SOURCE = "basename"
# Total orders (date, then source path): equal dates never come out in file-reading order.
ARTICLE_ORDER_BY = newest_first
PAGE_ORDER_BY = page_order
# The site is Japanese only; without this Pelican groups same-slug articles of different
# sections as "translations" and warns, although their URLs differ.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

FEED_DOMAIN = WARD_PUBLIC_URL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 30
RSS_FEED_SUMMARY_ONLY = True

CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False
WITH_FUTURE_DATES = True

WARD_BUILD_DATE = None  # None: today in Asia/Tokyo; tests and reproducible builds fix it
WARD_DEFAULT_CONTACT = {
    "department": "金沢区総務部区政推進課広報相談係",
    "address": "〒236-0021 横浜市金沢区泥亀2-9-1",
}
WARD_SECTIONS = [
    {"slug": "news", "name": "お知らせ", "intro": "金沢区役所からのお知らせです。"},
    {
        "slug": "events",
        "name": "まつり・イベント",
        "intro": "金沢まつり花火大会をはじめ、区内で開かれるまつり・イベント・教室の案内です。",
        "landing_by_plugin": True,
    },
    {
        "slug": "history",
        "name": "歴史",
        "intro": "称名寺や金沢文庫など、区内の史跡・文化財と歴史の魅力を紹介します。",
        "landing_by_plugin": True,
    },
    {"slug": "reading", "name": "読書", "intro": "金沢の歴史・文化・自然を生かした読書活動の取組です。"},
    {"slug": "kosodate", "name": "子育て", "intro": "金沢で子育てがしたくなる、きめ細かな子育て支援の情報です。"},
    {
        "slug": "health",
        "name": "健康",
        "intro": "歯科保健、認知症予防、ウォーキングなど、いきいき暮らすための健康づくりの情報です。",
    },
    {"slug": "bousai", "name": "防災", "intro": "地域防災拠点や防災の“えん”づくりなど、災害に備えるための情報です。"},
    {
        "slug": "bulletins",
        "name": "広報",
        "intro": "「広報よこはま金沢区版」は毎月1日に発行しています。過去の号もここから読めます。",
        "landing_by_plugin": True,
    },
    {"slug": "office", "name": "区役所", "intro": "区役所の窓口やサービス、庁舎の情報です。"},
]

# Open data (/opendata/): every file is opendata/<WARD_OPENDATA_CODE>_<dataset>.csv|geojson, in the
# 自治体標準オープンデータセット's columns; docs/opendata.md explains the codes and names.
WARD_OPENDATA_CODE = "141003"  # 全国地方公共団体コード of 横浜市, the publisher (a ward is no local public body)
WARD_OPENDATA_MUNICIPALITY = "横浜市"  # the name of that same code, so the two columns agree
WARD_OPENDATA_LOCATION_CODE = "141089"  # 横浜市金沢区, where things are (GeoJSON lg_code)

# Bulletin archive (広報よこはま金沢区版): plugins/bulletin_archive/settings.py has every option.
# Months with no issue on purpose, as "YYYY-MM"; any other missing month fails the build.
BULLETIN_NOT_PUBLISHED = []
BULLETIN_COVER_SIZE = (240, 340)
BULLETIN_COVER_FORMAT = "webp"
# Rendered covers, keyed by the PDF's content hash, kept between builds.
BULLETIN_CACHE_PATH = str(HERE / ".cache" / "bulletin_covers")
BULLETIN_FEED_ATOM = "feeds/bulletins.atom.xml"
# A larger PDF (an issue, or a file under content/files/) gets a warning telling staff how to shrink it.
BULLETIN_PDF_SIZE_LIMIT_MB = 10

# Image privacy: photos copied from STATIC_PATHS are published without EXIF (GPS, camera),
# XMP or comments; plugins/image_privacy/settings.py has every option. Cleaned copies are
# cached by content hash in .cache/image_privacy/ next to content/.
IMAGE_PRIVACY_JPEG_QUALITY = 90  # only for photos that must be rotated upright

# Events and campaigns (content/events/, content/campaigns/): plugins/events/settings.py has every
# option. Upcoming/past and 実施中/終了 follow WARD_BUILD_DATE, so CI rebuilds the site daily.
EVENTS_HOME_COUNT = 5  # 「近日のイベント」 on the home page
EVENTS_ICS_PATH = "events/events.ics"
EVENTS_FEED_PATH = "feeds/events.atom.xml"

# History-site catalog (史跡・文化財): plugins/history_catalog/settings.py has every option.
# Sites are read from content/history/sites/; /opendata/ lists the CSV and GeoJSON it writes.
HISTORY_WALK_METRES_PER_MINUTE = 80
HISTORY_NEAREST_COUNT = 3
HISTORY_TILE_URL = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"

# Site search (/search/): plugins/site_search/settings.py has every option, docs/search.md the design.
# Pages whose content is marked data-pagefind-body are cut into CJK bigram tokens and indexed by the
# standard Pagefind binary into output/pagefind/.
SITE_SEARCH_SAVE_AS = "search/index.html"
SITE_SEARCH_LANGUAGE = "ja"

# Emergency mode (緊急情報): content/emergency.md puts a banner on every page; `invoke emergency "…"`
# writes it, `invoke emergency --off` deletes it. plugins/emergency/settings.py has every option.
# Expiry is judged at EMERGENCY_NOW, else the start of WARD_BUILD_DATE, else the build's clock.
EMERGENCY_PAGE_PATH = "emergency/index.html"
EMERGENCY_FEED_PATH = "feeds/emergency.atom.xml"

# Evacuation places (避難場所): content/data/evacuation_shelter.csv (指定避難所一覧) and
# evacuation_space.csv (指定緊急避難場所一覧) in the standard's column order; plugins/evacuation/settings.py
# has every option. Pages under /bousai/hinan/, CSV and GeoJSON on /opendata/.
EVACUATION_URL = "bousai/hinan/"
EVACUATION_BOUNDS = (35.30, 139.57, 35.39, 139.68)  # (south, west, north, east) around 金沢区

# auto_reload off: every build and preview state makes new Jinja environments anyway, and with it on
# Jinja checks each template file's time at every include of every page (a twentieth of a build).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}

# Editing in the browser (Decap CMS at /admin/): plugins/cms_admin/settings.py, docs/cms.md.
# The repository the CMS commits to in production, and the OAuth proxy the ward runs for GitHub sign-in
# (docs/staff-guide.md). No secrets here: the proxy holds the OAuth app's secret.
CMS_GITHUB_REPO = "OWNER/REPOSITORY"
CMS_GITHUB_BRANCH = "main"
CMS_AUTH_BASE_URL = None

# Photos: plugins/responsive_images/settings.py has every option. Each photo a page shows is
# published as <picture> of copies at these widths (never wider than the original), AVIF and
# WebP with a JPEG/PNG fallback, without metadata; copies are cached by content hash in
# .cache/responsive_images/ next to content/.
RESPONSIVE_IMAGES_WIDTHS = [480, 960, 1600]

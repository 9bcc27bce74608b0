"""Production settings: absolute URLs for the public address, no drafts, no hidden files; used by `invoke publish`."""

import os
import sys
from pathlib import Path

if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403
from pelicanconf import IGNORE_FILES

# The public address (no trailing slash). CI sets WARD_SITEURL from a repository variable; an
# empty variable means "not set", so the default applies.
SITEURL = (os.environ.get("WARD_SITEURL") or "https://kanazawa-ward.github.io").rstrip("/")
WARD_PUBLIC_URL = SITEURL
# Feeds, canonical links and Open Graph URLs are absolute; page links use SITEURL too.
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

# Drafts are never published: they are read and checked, but not written.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# Hidden files (.env, .DS_Store, editor files) under content/files or content/images are not copied.
IGNORE_FILES = [*IGNORE_FILES, ".*"]

# A custom domain for GitHub Pages (written to CNAME on the gh-pages branch); empty for none.
WARD_CNAME = os.environ.get("WARD_CNAME", "").strip()
# Builds are reproducible for a given day; the date is today's in Asia/Tokyo unless CI fixes it.
WARD_BUILD_DATE = os.environ.get("WARD_BUILD_DATE") or None

"""Production settings: absolute URLs for the public address, no drafts."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

# The public address; CI can override it without editing this file.
SITEURL = os.environ.get("WARD_SITEURL", "https://kanazawa-ward.github.io")
WARD_PUBLIC_URL = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
# Drafts are never published.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
WARD_CNAME = os.environ.get("WARD_CNAME", "")

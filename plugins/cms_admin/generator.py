"""Writes /admin/index.html (the Decap CMS shell) and /admin/config.yml; it reads no content."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import yaml
from pelican.generators import Generator

from .order import field_order
from .settings import read_settings


class CmsAdminGenerator(Generator):
    """The editor page: noindex, no search body, kept out of the sitemap by the sitemap's own rule."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cms = read_settings(self.settings)

    def generate_context(self) -> None:
        """Nothing to read: the CMS loads content through its backend, not through the build."""

    def generate_output(self, writer) -> None:
        if not self.cms.enabled:
            return
        if not self.cms.config.is_file():
            raise FileNotFoundError(
                f"{self.cms.config}: CMS の設定がありません。`invoke cms-config` で作ってください (CMS config missing)"
            )
        data = self.cms.config.read_bytes()
        writer.write_file(
            self.cms.save_as,
            self.get_template("cms_admin/index"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name=str(PurePosixPath(self.cms.save_as).parent),
            cms_field_order=field_order(yaml.safe_load(data)),
        )
        path = Path(self.output_path) / PurePosixPath(self.cms.save_as).parent / "config.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        # Rewritten only when it changed, so a no-change rebuild leaves the file alone.
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)

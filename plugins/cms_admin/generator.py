"""Writes /admin/index.html (the Decap CMS shell), /admin/config.yml and Decap's bundle; it reads no content."""

from __future__ import annotations

import functools
import gzip
import hashlib
import inspect
import io
import json
from pathlib import Path, PurePosixPath

import yaml
from pelican.generators import Generator

from ward_content.build_scope import ensure_scope
from ward_content.files import write_atomically
from ward_content.page_writer import output_bytes

from .order import field_order
from .settings import read_settings

# Decap's main bundle (5 MB) is kept gzip-compressed in the repository (1.5 MB) and written out by
# the build, so the repository holds no multi-megabyte file; its lazy chunks are ordinary theme files.
BUNDLE = Path(__file__).resolve().parent / "vendor" / "decap-cms.js.gz"
BUNDLE_SAVE_AS = "theme/vendor/decap-cms/decap-cms.js"
# Bounds the decompression: the pinned bundle is 5,167,389 bytes.
BUNDLE_MAX_BYTES = 8 * 1024 * 1024


def bundle_bytes(cache: Path | None = None, bundle: Path = BUNDLE) -> bytes:
    """The vendored Decap CMS bundle, decompressed with a bound on its size.

    Kept decompressed in `cache`, named by the compressed file's SHA-256, as the derived images are:
    decompressing 5 MB is 15 ms of every build, reading the kept copy back 1 ms.
    """
    packed = bundle.read_bytes()
    kept = None if cache is None else cache / f"decap-cms-{hashlib.sha256(packed).hexdigest()}.js"
    if kept is not None and kept.is_file() and kept.stat().st_size <= BUNDLE_MAX_BYTES:
        return kept.read_bytes()
    with gzip.GzipFile(fileobj=io.BytesIO(packed)) as stream:
        data = stream.read(BUNDLE_MAX_BYTES + 1)
    if len(data) > BUNDLE_MAX_BYTES:
        raise ValueError(f"{bundle}: larger than {BUNDLE_MAX_BYTES} bytes once decompressed")
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, data)
    return data


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
            # Read when the page is rendered (the preview renders it only when the browser asks).
            cms_field_order=functools.partial(field_order_of, data, self.cms.cache),
        )
        _write_if_changed(Path(self.output_path) / PurePosixPath(self.cms.save_as).parent / "config.yml", data)
        scope = ensure_scope()
        if scope.lazy_files is not None or scope.deferred_files is not None:
            # The preview makes it when the browser asks; a build, with the pages, on every core.
            output_bytes(self.output_path, BUNDLE_SAVE_AS, functools.partial(bundle_bytes, self.cms.cache))
        else:
            _write_if_changed(Path(self.output_path) / BUNDLE_SAVE_AS, bundle_bytes(self.cms.cache))


# Part of a kept field order's name: the source of the code that makes it, so a change to it is a new
# name without anyone bumping a version (as the content checks' verdicts are keyed).
FIELD_ORDER_CODE = hashlib.sha256(Path(inspect.getfile(field_order)).read_bytes()).hexdigest()[:16]
# Bounds the kept order read back (the project's is 3 KB).
FIELD_ORDER_MAX_BYTES = 1024 * 1024


def field_order_of(config: bytes, cache: Path | None = None) -> dict:
    """The editor's field order from the CMS config (libyaml when PyYAML has it: faster on this file).

    Kept in `cache` as JSON, named by the config's SHA-256 and the code's: parsing the 60 KB config
    took 6 ms of every build, reading the kept order back a tenth of a millisecond. A kept file that is
    not such an order (damaged, cut short, nested too deep, another shape) is made again.
    """
    digest = hashlib.sha256(config).hexdigest()
    kept = None if cache is None else cache / f"field-order-{digest}-{FIELD_ORDER_CODE}.json"
    if kept is not None and kept.is_file() and kept.stat().st_size <= FIELD_ORDER_MAX_BYTES:
        try:
            order = json.loads(kept.read_bytes())
        except (ValueError, RecursionError):
            order = None
        if _is_field_order(order):
            return order
    order = field_order(yaml.load(config, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, json.dumps(order, ensure_ascii=False).encode("utf-8"))
    return order


def _is_field_order(value) -> bool:
    """{collection: {level: [field names]}}, as `field_order` gives."""
    return isinstance(value, dict) and all(
        isinstance(levels, dict)
        and all(isinstance(names, list) and all(isinstance(n, str) for n in names) for names in levels.values())
        for levels in value.values()
    )


def _write_if_changed(path: Path, data: bytes) -> None:
    # Rewritten only when it changed, so a no-change rebuild leaves the file alone.
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)

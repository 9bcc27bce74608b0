"""Building the site into a fresh release folder, then switching output/ to it in one step."""

from __future__ import annotations

import contextlib
import filecmp
import gc
import hashlib
import os
import shutil
import sys
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache

from tools.atomic_output import build_lock, publish_release

ROOT = Path(__file__).resolve().parent.parent


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates shared by the preview's successive Jinja environments (keyed by source checksum)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def environment_signature(settings: dict) -> str:
    """A short digest of the Jinja options that shape compiled code (delimiters, extensions,
    autoescape...): bytecode is keyed by template name and source only, so each set of options gets a
    folder of its own."""

    def plain(value):
        if callable(value):
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
        if isinstance(value, (list, tuple)):
            return [plain(item) for item in value]
        return value

    options = {k: plain(v) for k, v in sorted(settings.get("JINJA_ENVIRONMENT", {}).items()) if k != "bytecode_cache"}
    return hashlib.sha1(repr(options).encode("utf-8")).hexdigest()[:12]


def template_cache(settings: dict) -> TemplateBytecodeCache:
    """The compiled-template cache for builds and the preview with these Jinja options."""
    return TemplateBytecodeCache(ROOT / ".cache" / "templates" / environment_signature(settings))


class TemplateBytecodeCache(MemoryBytecodeCache):
    """Compiled templates kept in `.cache/templates/` between builds, as Python keeps `__pycache__`.

    Compiling the theme's 30 templates is 0.3 s of every build, spent while the second core has
    nothing to do. Jinja's own file cache checks each entry against the template source's checksum
    and its bytecode version, and writes through a temporary file and a rename, so builds running
    at once and a theme edit are both safe; the folder is inside the repository, as every cache.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        folder.mkdir(parents=True, exist_ok=True)
        self.files = FileSystemBytecodeCache(str(folder))

    def load_bytecode(self, bucket) -> None:
        super().load_bytecode(bucket)
        if bucket.code is None:
            self.files.load_bytecode(bucket)

    def dump_bytecode(self, bucket) -> None:
        super().dump_bytecode(bucket)
        self.files.dump_bytecode(bucket)


def load_settings(settings_file: str, overrides: dict | None = None) -> dict:
    """Pelican's settings from a file of this project, with overrides (tests, publish)."""
    from pelican.settings import read_settings

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return read_settings(str(ROOT / settings_file), override=overrides or {})


def project_types(settings_file: str = "pelicanconf.py", overrides: dict | None = None):
    """The content types of the project's configured plugins (for `invoke check`, `invoke new`, tools)."""
    from ward_content.plugin_loading import types_for_settings

    return types_for_settings(load_settings(settings_file, overrides))


def check_content(content_root: Path, settings_file: str = "pelicanconf.py", overrides: dict | None = None):
    """`invoke check`: the content set of a folder, with the types of the configured plugins."""
    from ward_content.check import check_tree
    from ward_content.limits import read_limits
    from ward_content.plugin_loading import types_for_settings
    from ward_content.settings import read_settings as read_ward_settings
    from ward_content.verdicts import Verdicts

    # The build's own limits (WARD_LIMITS), so a check never passes what the build refuses.
    settings = load_settings(settings_file, overrides)
    # Verdicts are kept in the repository's .cache/ (or WARD_CHECK_CACHE_PATH); a check of a folder
    # elsewhere keeps none rather than writing beside it.
    inside = Path(content_root).resolve().is_relative_to(ROOT)
    kept = inside or settings.get("WARD_CHECK_CACHE_PATH")
    verdicts = read_ward_settings(settings).verdicts if kept else Verdicts(None)
    return check_tree(content_root, types_for_settings(settings), read_limits(settings), verdicts)


@contextlib.contextmanager
def fewer_collections():
    """The cyclic garbage collector runs rarely during one build, as it was when the build ends.

    A build keeps every document, page object and rendered body alive until it ends, so the
    collector's full passes find nothing to free while walking all of them: 0.1 s of a 2,000-article
    build, in each process. Objects from before the build (imported modules) are set aside
    (`gc.freeze`), and young objects are collected every 50,000 allocations instead of every 700;
    reference counting still frees everything that is not in a cycle at once.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        # Everything the build made joins the oldest generation without a pass over it (freeze counts
        # nothing and resets the young generation's count): restoring the thresholds with a full young
        # generation would start a pass over every object of the build at once, to no use while the
        # build still holds them (15 ms at 500 documents). They are looked at in the next full pass.
        gc.freeze()
        gc.unfreeze()
        gc.set_threshold(*threshold)


def build_into(settings_file: str, target: Path, overrides: dict | None = None) -> None:
    """Run Pelican into `target` (a fresh folder). Raises WardBuildError on content errors."""
    from pelican import Pelican

    if target.exists():
        shutil.rmtree(target)
    from ward_content.build_scope import build_scope

    settings = load_settings(settings_file, {**(overrides or {}), "OUTPUT_PATH": str(target)})
    # Pelican gives every generator a Jinja environment of its own; sharing compiled templates between
    # them saves compiling each template once per generator, and between builds once per build.
    settings["JINJA_ENVIRONMENT"] = {
        **settings.get("JINJA_ENVIRONMENT", {}),
        "bytecode_cache": template_cache(settings),
    }
    configured = [str(name) for name in settings.get("PLUGINS") or ()]
    # Plugins, their signal receivers, the content set and the log capture belong to this build only.
    with build_scope() as scope, fewer_collections():
        pelican = Pelican(settings)
        require_plugins(configured, pelican)
        pelican.run()
        if scope.flush_pages is not None:  # the `finalized` receivers render them; never leave any behind
            scope.flush_pages()


def require_plugins(configured: list[str], pelican) -> None:
    """Pelican only logs "Cannot load plugin" for a misspelled name; here it stops the build."""
    from ward_content.errors import ConfigurationError

    loaded = {module.__name__.rsplit(".", 1)[-1] for module in pelican.plugins}
    missing = [name for name in configured if name.rsplit(".", 1)[-1] not in loaded]
    if missing:
        raise ConfigurationError(f"PLUGINS: could not load {', '.join(missing)} (check the name and PLUGIN_PATHS)")


def sync_tree(source: Path, destination: Path) -> tuple[int, int]:
    """Make `destination` equal to `source`, rewriting only files whose bytes differ.

    Unchanged files keep their times, so deploy diffs and rsync stay small. Returns
    (files written, files removed).
    """
    written = removed = 0
    destination.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        wanted.add(rel)
        target = destination / rel
        if path.is_dir():
            target.mkdir(exist_ok=True)
            continue
        if target.is_file() and filecmp.cmp(path, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written += 1
    for path in sorted(destination.rglob("*"), reverse=True):
        if path.relative_to(destination) in wanted:
            continue
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        else:
            path.unlink()
            removed += 1
    return written, removed


def build(settings_file: str, output: Path, overrides: dict | None = None) -> tuple[int, int]:
    """Build into a new release folder, then switch `output` to it atomically (tools/atomic_output.py).

    A failed or killed build leaves `output` as it was; a second build at once waits for the first.
    With nothing changed since the last build into `output`, nothing is built or written.
    Returns (files new or changed, files gone).
    """
    from tools import build_stamp

    settings = load_settings(settings_file, {**(overrides or {}), "OUTPUT_PATH": str(output)})
    # Under the lock: a build that waited for another then finds the site it would write already there.
    with build_lock(output):
        stamp = build_stamp.input_stamp(settings, (ROOT / settings_file, ROOT / "pelicanconf.py"))
        if build_stamp.unchanged(output, stamp):
            return 0, 0
        result = publish_release(output, lambda release: build_into(settings_file, release, overrides), lock=False)
        build_stamp.remember(output, stamp)
    return result


def print_errors(errors, github: bool = False, stream=sys.stderr) -> None:
    """One line a problem; GitHub annotations as well when asked."""
    for error in errors:
        print(error.format_github() if github else error.format(), file=stream)


os.environ.setdefault("PYTHONHASHSEED", "0")

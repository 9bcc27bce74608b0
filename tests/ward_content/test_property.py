"""Random and mutated content ends as a valid document or as located messages, never a traceback."""

import tempfile
from pathlib import Path

import yaml
from conftest import load_document, types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ward_content.errors import ContentErrors

VALID = "---\ntitle: 金沢まつり花火大会\ndate: 2026-08-22\ntags:\n  - 花火\n---\n## 会場\n\n海の公園です。[区役所]({filename}/news/other.md)\n"
FIELDS = sorted({name for kind in types().kinds for name in kind.schema.model_fields} | {"titel", "日付", ""})
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.dates().map(str)
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
folders = st.sampled_from(["news", "pages", "health", "misc", *[f for k in types().kinds for f in k.folders]])


def _check(folder: str, name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        (root / "news").mkdir(parents=True)
        (root / "news" / "other.md").write_text(VALID, encoding="utf-8")
        path = root / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        rel = path.relative_to(root).as_posix()
        try:
            doc = load_document(root, rel)
        except ContentErrors as exc:
            assert exc.errors, "ContentErrors without a message"
            for error in exc.errors:
                assert error.path == f"content/{rel}"
                assert error.line >= 1 and error.message and error.code
        else:
            assert doc.rel_path == rel and doc.title


common = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@common
@given(folder=folders, meta=st.dictionaries(st.sampled_from(FIELDS), values, max_size=8), body=st.text(max_size=200))
def test_random_front_matter(folder, meta, body):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    _check(folder, "random.md", text.encode("utf-8"))


@common
@given(position=st.integers(0, len(VALID.encode())), cut=st.integers(0, 12), insert=st.binary(max_size=6))
def test_mutated_valid_file(position, cut, insert):
    raw = VALID.encode()
    _check("news", "mutated.md", raw[:position] + insert + raw[position + cut :])


@common
@given(data=st.binary(max_size=300), name=st.sampled_from(["a.md", "花火.md", "UPPER.md", "x y.md"]))
def test_random_bytes(data, name):
    _check("news", name, data)

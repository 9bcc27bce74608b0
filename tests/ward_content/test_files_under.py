"""files_under: the published files a pass over the output (PDF and photo cleaning, the index) walks."""

from __future__ import annotations

import os

from ward_content.files import files_under


def test_files_under_lists_what_rglob_would_in_its_order_without_entering_linked_folders(tmp_path):
    root = tmp_path / "out"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(b"%PDF")
    for rel in ("a.pdf", "b/B.PDF", "b/c/d.pdf", "b-a.pdf", "b/page.html", "z/x.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"%PDF")
    os.symlink(outside, root / "linked-folder")
    os.symlink(outside / "secret.pdf", root / "b" / "linked.pdf")

    found = files_under(root, (".pdf",))
    expected = [
        p.relative_to(root).as_posix()
        for p in sorted(root.rglob("*"))
        if p.suffix.lower() == ".pdf" and p.is_file() and "linked-folder" not in p.parts
    ]
    assert found == expected == ["a.pdf", "b/B.PDF", "b/c/d.pdf", "b/linked.pdf", "b-a.pdf"]
    # A reader that must not leave the folder does not follow a linked file either.
    assert files_under(root, (".pdf",), links=False) == ["a.pdf", "b/B.PDF", "b/c/d.pdf", "b-a.pdf"]

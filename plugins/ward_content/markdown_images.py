"""Markdown treeprocessor: a photo's `src` becomes the content-relative file it names, marked for <picture>.

`![説明](images/hanabi.jpg)` and `![説明](../images/hanabi.jpg)` both end as
`<img src="images/hanabi.jpg" data-ward-photo="images/hanabi.jpg">`; the responsive_images plugin's
`pictures` filter turns each marked image into a <picture> of resized copies when the page is
written. A src that names no file is left as written: `invoke check` and the build already
reported it at its line (ward_content.images).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

from .images import PHOTO_SUFFIXES, resolve_image

PHOTO_ATTRIBUTE = "data-ward-photo"


class PhotoPaths(Treeprocessor):
    """Resolves each <img> against the document being converted (set by `render(..., document=doc)`)."""

    def run(self, root: ET.Element) -> None:
        document = getattr(self.md, "ward_document", None)
        if document is None:
            return
        for image in root.iter("img"):
            resolved = resolve_image(image.get("src", ""), document.rel_path, document.root)
            if resolved and resolved.lower().endswith(PHOTO_SUFFIXES):
                image.set("src", resolved)
                image.set(PHOTO_ATTRIBUTE, resolved)


def register(md: markdown.Markdown) -> None:
    """Runs before the external-links processor; order among our processors does not matter."""
    md.treeprocessors.register(PhotoPaths(md), "ward_photo_paths", 6)

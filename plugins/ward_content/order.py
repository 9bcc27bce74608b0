"""Total orders for Pelican's lists: equal dates never fall back to the order files were read in.

Pelican reads content into a set and sorts by date alone, so two articles of the same day came out
in an order that changed between clones (directory order) and processes (string hashing). Every
list ends its key with the content-relative source path, which is the same in every checkout.
"""

from __future__ import annotations


def newest_first(content) -> tuple:
    """ARTICLE_ORDER_BY: newest date first, then the source path A to Z."""
    return (-content.date.timestamp(), content.relative_source_path)


def page_order(content) -> tuple:
    """PAGE_ORDER_BY: the `order` field (footer links), then the source path."""
    return (getattr(content, "order", 100), content.relative_source_path)

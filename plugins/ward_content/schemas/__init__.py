"""Schemas of the foundation's own content types (news, page) and the shared field types (base)."""

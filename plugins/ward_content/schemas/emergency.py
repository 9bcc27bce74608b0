"""Emergency notices are owned by plugins/emergency; listed here until types are registered per build (issue 11)."""

from emergency.schema import KIND

__all__ = ["KIND"]

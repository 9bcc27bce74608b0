"""Events and campaigns: landing, month calendars, section filters, event and campaign pages, ICS, Atom, CSV."""

from .plugin import register

__all__ = ["register"]

"""Foundation plugin and shared content core of the Kanazawa Ward site."""

from .plugin import register

__all__ = ["register"]

"""Evacuation places (避難場所) from the standard CSV files in content/data/."""

from .plugin import register

__all__ = ["register"]

"""Located content errors: every problem names file, line, field, what to write, in Japanese."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, as a PR staff member should read it."""

    path: str
    line: int
    field: str
    message: str
    code: str

    def format(self) -> str:
        """`path:line: field: 日本語の説明 (english code)`, the one-line form staff see."""
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message} ({self.code})"

    def format_github(self) -> str:
        """A GitHub Actions annotation, so the mistake shows on the commit."""
        text = f"{self.field}: {self.message} ({self.code})" if self.field else f"{self.message} ({self.code})"
        # Annotations end at a newline; '%' must be escaped first.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{text}"


class ContentErrors(Exception):
    """Raised with every problem found in a file or a build, never just the first."""

    def __init__(self, errors: list[ContentError] | tuple[ContentError, ...]):
        self.errors = tuple(sorted(errors))
        super().__init__(self.report())

    def report(self) -> str:
        """All messages, one line each, sorted by file and line."""
        return "\n".join(error.format() for error in self.errors)


class WardBuildError(ContentErrors):
    """The build found content errors and stopped before writing anything."""

    exitcode = 2

    def report(self) -> str:
        count = len(self.errors)
        head = f"コンテンツに {count} 件の問題があるため、サイトを書き出しませんでした (build failed: {count} content errors)"
        return head + "\n" + "\n".join(error.format() for error in self.errors)


class ConfigurationError(Exception):
    """A setting in pelicanconf.py is wrong: a developer's mistake, not staff's."""

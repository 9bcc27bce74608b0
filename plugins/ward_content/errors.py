"""Located content errors: every problem names file, line, field, what to write, in Japanese."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

ERROR = "error"
# A warning is reported by `invoke check` and the build like an error, but fails neither: staff see
# what still needs work (a site citing only reference sources, a large PDF) without being blocked.
WARNING = "warning"


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, as a PR staff member should read it."""

    path: str
    line: int
    field: str
    message: str
    code: str
    severity: Literal["error", "warning"] = ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    def format(self) -> str:
        """`path:line: field: 日本語の説明 (english code)`, the one-line form staff see; warnings say 警告."""
        field = f" {self.field}:" if self.field else ""
        mark = " 警告:" if self.is_warning else ""
        return f"{self.path}:{self.line}:{field}{mark} {self.message} ({self.code})"

    def format_github(self) -> str:
        """A GitHub Actions annotation, so the mistake shows on the commit."""
        text = f"{self.field}: {self.message} ({self.code})" if self.field else f"{self.message} ({self.code})"
        # Annotations end at a newline; '%' must be escaped first.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={self.line}::{text}"


def content_warning(path: str, line: int, field: str, message: str, code: str) -> ContentError:
    """A located problem that is reported but does not fail `invoke check` or the build."""
    return ContentError(path, line, field, message, code, WARNING)


def split_warnings(problems: Iterable[ContentError]) -> tuple[list[ContentError], list[ContentError]]:
    """(errors, warnings), each sorted: checks may return both, only errors stop a build."""
    problems = sorted(problems)
    return [p for p in problems if not p.is_warning], [p for p in problems if p.is_warning]


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

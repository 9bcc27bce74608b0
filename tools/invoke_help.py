"""`invoke <task> --help` for tasks with positional arguments (`invoke new --help`).

Invoke's parser gives the next word to a missing positional argument before it looks at core
flags, so `invoke new --help` made "--help" the kind and then missed the title. A task built with
`HelpfulTask` has its own `--help` flag, and its positional arguments count as given when it is set.
"""

from __future__ import annotations

import subprocess
import sys

from invoke import Argument, Task


class _Positional(Argument):
    """A positional argument that is not required when its task's --help was asked for."""

    asked: Argument | None = None

    @property
    def value(self):
        value = Argument.value.fget(self)
        return "" if value is None and self.asked is not None and self.asked.value else value

    @value.setter
    def value(self, new):
        Argument.value.fset(self, new)


class HelpfulTask(Task):
    """A task whose body receives `help=True` for `--help`; it should call `print_task_help`."""

    def get_arguments(self, ignore_unknown_help: bool | None = None) -> list[Argument]:
        arguments = super().get_arguments(ignore_unknown_help)
        asked = next(a for a in arguments if a.name == "help")
        for argument in arguments:
            if argument.positional:
                argument.__class__ = _Positional
                argument.asked = asked
        return arguments


def print_task_help(name: str) -> None:
    """Invoke's own help of a task (`invoke --help <name>`), printed as it would be."""
    subprocess.run([sys.executable, "-m", "invoke", "--help", name], check=False)

"""The staff guide cannot drift from the tools: its commands name real tasks and options, its messages
are the tools' own, and (test_walkthrough.py) its steps run on a scratch copy of the site."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from guide import GUIDE, blocks, invoke_commands

pytestmark = pytest.mark.unit


def _invoke(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, encoding="utf-8", timeout=120
    )


def test_guide_has_runnable_commands_and_examples():
    found = blocks()
    assert [b for b in found if b.language == "sh"], "no ```sh block"
    examples = [b for b in found if b.language == "markdown"]
    assert examples, "no ```markdown block"
    for block in examples:
        path = block.attributes.get("path", "")
        assert path.startswith("content/") and path.endswith(".md"), f"guide line {block.line}: ```markdown path=…"


def test_every_invoke_command_names_a_real_task_and_real_options():
    tasks = {task["name"] for task in json.loads(_invoke("--list", "--list-format", "json").stdout)["tasks"]}
    helps: dict[str, str] = {}
    for args in invoke_commands():
        task = args[0]
        assert task in tasks, f"guide: invoke {task} is not a task ({sorted(tasks)})"
        if task not in helps:
            result = _invoke("--help", task)
            assert result.returncode == 0, result.stderr
            helps[task] = result.stdout
        for option in (a.split("=", 1)[0] for a in args[1:] if a.startswith("--")):
            assert re.search(rf"{re.escape(option)}\b", helps[task]), f"guide: invoke {task} has no {option}"


def test_every_make_target_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for block in blocks():
        for command in block.commands if block.language == "sh" else ():
            if command.startswith("make "):
                target = command.split()[1]
                assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"Makefile has no target {target}"


def _publish_codes() -> set[str]:
    """The English codes of every problem the publish stage reports (hygiene, links, validator, git)."""
    codes = set()
    for name in ("tools/output_hygiene.py", "tools/link_check.py"):
        text = (ROOT / name).read_text(encoding="utf-8")
        codes |= set(re.findall(r'(?:HygieneProblem|LinkProblem)\([^()]*?"[^"]*",\s*"([a-z][a-z ]+)"\s*\)', text, re.S))
    publish = (ROOT / "tools" / "publish.py").read_text(encoding="utf-8")
    codes |= set(re.findall(r"\((validator [a-z]+|uncommitted changes)\)", publish))
    return codes


def test_guide_explains_every_message_of_the_publish_stage():
    codes = _publish_codes()
    assert {"broken internal link", "missing anchor", "draft published", "local path published"} <= codes
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide[guide.index("### 8.5") :]
    for code in sorted(codes):
        assert f"`{code}`" in section, f"docs/staff-guide.md 8.5 does not explain ({code})"
    for stage in ("content", "html"):
        assert f"`{stage}`" in section

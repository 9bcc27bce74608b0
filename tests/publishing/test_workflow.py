"""The CI workflow parses, names only actions and inputs that exist, and runs the README's commands."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

# Pure checks on hand-written files: in the fast tier, unlike the rest of tests/publishing/.
pytestmark = pytest.mark.unit

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
# Inputs of each official action at the pinned major version, from its action.yml.
KNOWN_ACTIONS = {
    "actions/checkout@v4": {
        "repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user",
        "persist-credentials", "path", "clean", "filter", "sparse-checkout", "sparse-checkout-cone-mode",
        "fetch-depth", "fetch-tags", "show-progress", "lfs", "submodules", "set-safe-directory",
        "github-server-url",
    },
    "actions/setup-python@v5": {
        "python-version", "python-version-file", "cache", "architecture", "check-latest", "token",
        "cache-dependency-path", "update-environment", "allow-prereleases", "freethreaded",
    },
    "actions/cache@v4": {
        "path", "key", "restore-keys", "upload-chunk-size", "enableCrossOsArchive", "fail-on-cache-miss",
        "lookup-only", "save-always",
    },
    "actions/upload-pages-artifact@v3": {"name", "path", "retention-days"},
    "actions/deploy-pages@v4": {"token", "timeout", "error_count", "reporting_interval", "artifact_name", "preview"},
}  # fmt: skip
MAIN_ONLY = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow, job=None):
    jobs = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    return [step for j in jobs for step in j["steps"]]


def run_lines(workflow, job="build") -> list[str]:
    return [line.strip() for step in steps(workflow, job) if "run" in step for line in step["run"].splitlines()]


def readme_commands() -> list[str]:
    """The commands of the README's opening code block (`make build`, `make test`)."""
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.split("#", 1)[0].strip()]


def test_triggers_are_pull_requests_pushes_to_main_and_a_daily_run(workflow):
    # YAML 1.1 reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()


def test_only_known_actions_and_inputs(workflow):
    for step in steps(workflow):
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert step["uses"] in KNOWN_ACTIONS, step["uses"]
            assert set(step.get("with", {})) <= KNOWN_ACTIONS[step["uses"]], step
    for name, job in workflow["jobs"].items():
        needs = job.get("needs", [])
        assert set([needs] if isinstance(needs, str) else needs) <= set(workflow["jobs"]), name
        assert job["runs-on"].startswith("ubuntu-"), name


def test_runs_the_readme_commands_then_the_strict_build(workflow):
    lines = run_lines(workflow)
    commands = readme_commands()
    assert commands == ["make build", "make test"]
    for command in commands:
        assert command in lines
    assert ".venv/bin/invoke check --format github" in lines
    assert ".venv/bin/invoke publish --format github" in lines
    assert lines.index("make test") < lines.index(".venv/bin/invoke publish --format github")


def test_content_check_annotates_even_when_the_build_failed(workflow):
    (step,) = [s for s in steps(workflow, "build") if s.get("run") == ".venv/bin/invoke check --format github"]
    assert step["if"] == "${{ !cancelled() }}"


def test_pip_downloads_and_derived_images_are_cached(workflow):
    build = workflow["jobs"]["build"]
    cached = {s["with"]["path"]: s["with"] for s in steps(workflow, "build") if s.get("uses") == "actions/cache@v4"}
    assert build["env"]["PIP_CACHE_DIR"] in cached
    assert "hashFiles('requirements.txt')" in cached[build["env"]["PIP_CACHE_DIR"]]["key"]
    assert ".cache" in cached
    assert cached[".cache"]["restore-keys"].strip() == "derived-images-"


def test_only_main_is_deployed_after_the_checks(workflow):
    (upload,) = [s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "output/"
    assert upload["if"] == MAIN_ONLY
    assert steps(workflow, "build")[-1] is upload
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == MAIN_ONLY
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"] for s in deploy["steps"]] == ["actions/deploy-pages@v4"]
    assert workflow["permissions"] == {"contents": "read"}


def test_local_ci_entry_runs_make_test():
    lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert lines[-1] == "make test"

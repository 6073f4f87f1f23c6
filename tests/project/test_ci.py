"""CI runs exactly what the README tells a new developer to run, with the same pinned versions."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```\n(python3 -m venv [^\n]+)\n```", text)[:2]


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    run, test = _readme_commands()
    assert "pytest" in test and "--demo" in run
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines


def test_both_readme_commands_install_from_the_constraints_file() -> None:
    for command in _readme_commands():
        assert "-c constraints.txt" in command, command
    assert (ROOT / "constraints.txt").is_file()


def test_ci_installs_the_system_tools_the_gui_tests_use() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in (
        "xvfb",
        "x11-xserver-utils",
        "xdotool",
        "openbox",
        "chromium",
        "poppler-utils",
        "zbar-tools",
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
    ):
        assert re.search(rf"\b{re.escape(package)}\b", script), package
    assert (
        "ruff check src tests" in script
        and "ruff format --check src tests" in script
        and ".venv/bin/mypy" in script
        and ".venv/bin/lint-imports" in script
        and ".venv/bin/actionlint .github/workflows/*.yml" in script
    )


def test_ci_installs_the_companion_modules_pinned_dependencies_before_the_tests() -> None:
    """The Companion module's tests under Node (tests/room/test_room_companion.py) need its node_modules."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    run, test = _readme_commands()
    install = script.index("cd integrations/companion && npm ci")
    assert install < script.index(test)
    assert (ROOT / "integrations" / "companion" / "package-lock.json").is_file()

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


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _env_names_seen_by_step_ifs(workflow: str) -> list[tuple[str, set[str], set[str]]]:
    """Each step `if` that reads `env.NAME`: (its line, the names it reads, the names the workflow and its job set).

    GitHub evaluates a step's `if` before the step's own `env` exists, so only workflow- and job-level names count.
    The workflows are ours and regular: jobs at 2 spaces, their keys at 4, steps' keys at 8.
    """
    found: list[tuple[str, set[str], set[str]]] = []
    workflow_env: set[str] = set()
    job_env: set[str] = set()
    block: tuple[int, set[str]] | None = None  # the env block being read: its keys' indent and where they go
    for line in workflow.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = _indent(line)
        if block is not None:
            if indent == block[0] and ":" in line:
                block[1].add(line.strip().split(":", 1)[0])
                continue
            block = None
        if indent == 2 and line.rstrip().endswith(":") and not line.startswith("  -"):
            job_env = set()
        if line.rstrip() == "env:":
            block = (2, workflow_env)
        elif indent == 4 and line.strip() == "env:":
            block = (6, job_env)
        stripped = line.strip().removeprefix("- ")
        if stripped.startswith("if:"):
            names = set(re.findall(r"\benv\.(\w+)", stripped))
            if names:
                found.append((line.strip(), names, workflow_env | job_env))
    return found


def test_a_steps_condition_reads_only_what_its_job_sets() -> None:
    """A signing step guarded by `env.X` with X set in the step's own env never ran, secrets or not (bundle.yml)."""
    checked = 0
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for condition, names, visible in _env_names_seen_by_step_ifs(path.read_text(encoding="utf-8")):
            assert names <= visible, f"{path.name}: {condition!r} reads {sorted(names - visible)}, set by no job"
            checked += 1
    assert checked >= 3  # the two Windows signing steps and the macOS one


def test_the_guard_finds_a_condition_on_the_steps_own_env() -> None:
    broken = (
        "jobs:\n  windows:\n    runs-on: windows-2022\n    steps:\n      - name: Sign\n"
        "        if: ${{ env.CERT != '' }}\n        env:\n          CERT: ${{ secrets.CERT }}\n        run: sign\n"
    )
    ((_, names, visible),) = _env_names_seen_by_step_ifs(broken)
    assert names == {"CERT"} and visible == set()


def test_the_linux_bundle_is_built_by_a_python_with_a_shared_libpython() -> None:
    """manylinux's /opt/python interpreters are static; PyInstaller cannot bundle them (pypa/manylinux#1149)."""
    workflow = (ROOT / ".github" / "workflows" / "bundle.yml").read_text(encoding="utf-8")
    linux = workflow[workflow.index("\n  linux:") : workflow.index("\n  release:")]
    assert "/opt/python/" not in linux
    python = re.search(r"PYTHON: (\S+)", linux)
    assert python is not None and re.search(rf"dnf install -y [^\n]*\b{Path(python.group(1)).name}\b", linux)
    build = (ROOT / "packaging" / "build_linux.sh").read_text(encoding="utf-8")
    assert 'get_config_var("Py_ENABLE_SHARED")' in build

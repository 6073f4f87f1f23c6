"""The file-descriptor budget (issue 22): the soft limit is raised where the OS allows, and the room's server
always leaves the session's saves, backups, PDFs and lock a reserve."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from fishbowl_desktop.room.file_limit import RESERVE_MIN, server_budget

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_NOFILE is POSIX")


def _in_child(soft: int, hard: int) -> int:
    """raise_file_limit() in a fresh process started with soft:hard (this process's own limit stays as it is)."""
    code = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_NOFILE, ({soft}, {hard}))
        from fishbowl_desktop.room.file_limit import raise_file_limit
        print(raise_file_limit())
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return int(out.stdout.strip())


def test_the_soft_limit_is_raised_towards_the_hard_one() -> None:
    import resource

    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard != resource.RLIM_INFINITY and hard < 8192:
        pytest.skip(f"this machine's hard limit is {hard}")
    assert _in_child(256, 4096) == 4096
    assert _in_child(256, hard) == 8192, "enough for a hall; not every descriptor the OS would give"


def test_a_hard_limit_is_respected() -> None:
    assert _in_child(256, 256) == 256


@pytest.mark.parametrize("limit,own", [(256, 60), (256, 120), (1024, 80), (20000, 90), (None, None)])
def test_the_server_budget_leaves_a_reserve_and_room_for_every_kind(limit: int | None, own: int | None) -> None:
    budget = server_budget(limit, own)
    if limit is not None and own is not None and limit - own - RESERVE_MIN >= 24:
        assert own + budget.total + RESERVE_MIN <= limit, "the saves' reserve is always left"
    assert budget.control >= 2 and budget.timer >= 2 and budget.audience >= 2
    assert budget.plain >= 8, "page loads and handshakes always have room beside the phones' links"
    assert budget.audience + budget.timer + budget.control + budget.plain == budget.total

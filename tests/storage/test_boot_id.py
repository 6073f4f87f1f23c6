"""The boot id that tells a crash marker or a lock from before a restart apart from one of this boot."""

from __future__ import annotations

import sys

import pytest

from fishbowl_desktop import boot_id as boot


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux keeps the boot id in /proc")
def test_the_boot_id_is_the_kernels_and_the_same_within_a_boot() -> None:
    found = boot.boot_id()
    assert found is not None and len(found) == 36
    assert found == boot.LINUX_BOOT_ID.read_text().strip()
    assert boot.same_boot(found) is True
    assert boot.same_boot("00000000-0000-0000-0000-000000000000") is False


def test_nothing_recorded_or_nonsense_cannot_be_told() -> None:
    assert boot.same_boot(None) is None
    assert boot.same_boot(12) is None
    assert boot.same_boot("") is None
    assert boot.same_boot("x" * 10_000) is None

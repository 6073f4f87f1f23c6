"""Issue 23, point 2: the lock, backups and temporary files of a session with a very long name stay within the
255 bytes a file name may have, never split a letter, never collide, and work for names that are not UTF-8
(LANG=C with Python's UTF-8 mode off hands them over with surrogate escapes)."""

from __future__ import annotations

import os

from fishbowl_desktop.atomic_file import NAME_BYTES, sidecar_name


def test_short_names_are_left_as_they_are() -> None:
    assert sidecar_name("abend.fishbowl.json", ".", ".lock") == ".abend.fishbowl.json.lock"


def test_long_names_are_cut_on_a_letter_and_told_apart() -> None:
    one = "ễ" * 80 + "a.fishbowl.json"  # three bytes a letter: 255 bytes with the suffix
    two = "ễ" * 80 + "b.fishbowl.json"
    first, second = sidecar_name(one, ".", ".lock"), sidecar_name(two, ".", ".lock")
    assert first != second and first == sidecar_name(one, ".", ".lock")
    for name in (first, second):
        assert len(os.fsencode(name)) <= NAME_BYTES and name.endswith(".lock") and "~" in name
        name.encode("utf-8")  # no half letter (it would raise)


def test_a_name_that_is_not_utf8_gets_a_sidecar_too() -> None:
    name = "Begr\udcfc\udcdfung " * 20 + ".fishbowl.json"  # what LANG=C makes of "Begrüßung" on a UTF-8 disk
    lock = sidecar_name(name, ".", ".lock")
    assert len(os.fsencode(lock)) <= NAME_BYTES and lock.endswith(".lock")
    assert sidecar_name("Begr\udcfc\udcdfung.fishbowl.json", suffix=".bak1") == "Begr\udcfc\udcdfung.fishbowl.json.bak1"

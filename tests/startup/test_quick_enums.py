"""PySide6's enum types made the quick way are the ones CPython makes (startup/quick_enums.py, issue 29): every enum
type of QtCore, QtGui and QtWidgets rebuilt both ways from its members, compared member by member; and the console
makes none of PySide6's types through CPython's per-member path before its first frame."""

from __future__ import annotations

import enum
import pickle
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fishbowl_desktop.startup import quick_enums
from helpers.first_paint import AT_FIRST_PAINT, start_watched

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the quick path is for Python 3.11 only")

BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
CPYTHON = quick_enums._original or getattr(enum.EnumType, "_create_")  # noqa: B009
"""CPython's own `EnumType._create_`, whether or not the quick one is installed in this process."""


def _pyside_enum_types() -> list[type[enum.Enum]]:
    from PySide6 import QtCore, QtGui, QtNetwork, QtSvg, QtWidgets

    found: dict[int, Any] = {}

    def walk(owner: Any, depth: int) -> None:
        for name in dir(owner):
            if name.startswith("__"):
                continue
            try:
                value = getattr(owner, name)
            except Exception:
                continue
            if isinstance(value, enum.EnumType):
                found.setdefault(id(value), value)
            elif isinstance(value, type) and depth < 2 and value.__module__.startswith("PySide6"):
                walk(value, depth + 1)

    for module in (QtCore, QtGui, QtWidgets, QtNetwork, QtSvg):  # every Qt module the program imports
        walk(module, 0)
    return list(found.values())


def _base(kind: type[enum.Enum]) -> type[enum.Enum]:
    return next(b for b in (enum.IntFlag, enum.IntEnum, enum.Flag, enum.Enum) if issubclass(kind, b))


def _portrait(kind: Any) -> dict[str, object]:
    """Everything a program can see of an enum type and its members."""
    members = list(kind.__members__.items())
    out: dict[str, object] = {
        "members": [(name, member._name_, member._value_, member._sort_order_) for name, member in members],
        "names": list(kind._member_names_),
        "values": {value: member._name_ for value, member in kind._value2member_map_.items()},
        "iteration": [(m._name_, m._value_) for m in kind],
        "len": len(kind),
        "dict": sorted(k for k in vars(kind) if k not in ("_value2member_map_",)),
        "class": (kind.__name__, kind.__qualname__, kind.__module__, kind.__mro__[1:]),
        "reprs": [(repr(m), str(m), format(m), hash(m), bool(m)) for _, m in members],
        "by_value": [_outcome(lambda m=m: kind(m._value_)._name_) for _, m in members],
        "attributes": [getattr(kind, name) is member for name, member in members],
    }
    if issubclass(kind, enum.Flag):
        out["flag"] = (kind._flag_mask_, kind._singles_mask_, kind._all_bits_, kind._boundary_, kind._inverted_)
        out["iter_by"] = kind._iter_member_.__name__
        values = [m for _, m in members][:6]
        out["combined"] = [_outcome(lambda a=a, b=b: repr(a | b)) for a in values for b in values]
        out["inverted"] = [_outcome(lambda a=a: repr(~a)) for a in values]
        out["zero"] = _outcome(lambda: repr(kind(0)))
    return out


def _outcome(read: Any) -> object:
    try:
        return read()
    except Exception as exc:
        return type(exc).__name__


def _made_both_ways(base: Any, name: str, pairs: list[tuple[str, int]], **kw: Any) -> tuple[Any, Any]:
    slow = CPYTHON(base, name, list(pairs), **kw)
    quick = quick_enums._create_(base, name, list(pairs), **kw)
    return slow, quick


def test_every_enum_type_of_qt_is_made_the_same_both_ways() -> None:
    kinds = _pyside_enum_types()
    assert len(kinds) > 300  # the walk found Qt's enum types
    quick_ones = 0
    for kind in kinds:
        pairs = [(name, member._value_) for name, member in kind.__members__.items()]
        kw = {"module": kind.__module__, "qualname": kind.__qualname__, "boundary": enum.KEEP}
        slow, quick = _made_both_ways(_base(kind), kind.__name__, pairs, **kw)
        assert _portrait(quick) == _portrait(slow), kind.__qualname__
        quick_ones += quick_enums._plain_pairs(_base(kind), pairs)
    assert quick_ones > 0.95 * len(kinds)  # nearly all take the quick path


names = st.text(alphabet="ABCDEFGHabcdefgh_01", min_size=1, max_size=4)


@given(
    base=st.sampled_from(BASES),
    pairs=st.lists(st.tuples(names, st.integers(min_value=-3, max_value=70)), min_size=1, max_size=8),
)
def test_any_list_of_pairs_gives_the_same_type_or_the_same_error(base: Any, pairs: list[tuple[str, int]]) -> None:
    """Aliases, multi-bit flags, zero, negative values, reused and reserved names: the same class, or the same
    error, as CPython's own path."""
    try:
        slow = CPYTHON(base, "Probe", list(pairs), module="probe", boundary=enum.KEEP)
    except Exception as exc:
        with pytest.raises(type(exc)):
            quick_enums._create_(base, "Probe", list(pairs), module="probe", boundary=enum.KEEP)
        return
    quick = quick_enums._create_(base, "Probe", list(pairs), module="probe", boundary=enum.KEEP)
    assert _portrait(quick)["members"] == _portrait(slow)["members"]
    portrait_slow, portrait_quick = _portrait(slow), _portrait(quick)
    portrait_slow.pop("class"), portrait_quick.pop("class")  # two classes: their own __mro__
    assert portrait_quick == portrait_slow


def test_a_quick_enum_type_pickles_its_members_by_name() -> None:
    quick = quick_enums._create_(enum.IntFlag, "Shown", [("A", 1), ("B", 2)], module=__name__, boundary=enum.KEEP)
    globals()["Shown"] = quick
    try:
        assert pickle.loads(pickle.dumps(quick.B | quick.A)) == quick(3)
        assert pickle.loads(pickle.dumps(quick.A)) is quick.A
    finally:
        del globals()["Shown"]


def test_the_functional_api_s_other_forms_take_cpython_s_path() -> None:
    assert quick_enums.install()
    make: Any = enum.Enum
    assert make("Words", "ONE TWO", module=__name__)["TWO"].value == 2
    assert make("Mapped", {"X": 5}, module=__name__)["X"].value == 5
    assert not quick_enums._plain_pairs(enum.Enum, [("name", 1)])  # a property of Enum: CPython's redirect
    assert make("Shadow", [("name", 1)], module=__name__)["name"].value == 1


QUICK_CHILD = (
    """
import enum, importlib.abc, importlib.util, json, sys
made = []
set_name = enum._proto_member.__set_name__


def counting(self, enum_class, member_name):
    made.append(member_name)
    return set_name(self, enum_class, member_name)


enum._proto_member.__set_name__ = counting
from fishbowl_desktop.__main__ import main  # what `fishbowl-desktop` runs


def at_first_paint():
    import PySide6.QtCore as core

    return {"slow_members": len(made), "key_is_enum": isinstance(core.Qt.Key, enum.EnumType)}
"""
    + AT_FIRST_PAINT
)


@pytest.mark.slow
def test_the_console_makes_no_pyside_enum_member_the_slow_way_before_its_first_frame(tmp_path: Path) -> None:
    """Before: ~3,800 members through `_proto_member.__set_name__` (~13 µs each: 50 ms); now only the program's
    own few enum classes (written as classes, which take CPython's path)."""
    report = start_watched(QUICK_CHILD, tmp_path)
    assert isinstance(report, dict) and report["key_is_enum"]
    slow = report["slow_members"]
    assert isinstance(slow, int) and slow < 200, slow

"""PySide6's enum types made without Python 3.11's per-member detour: the same classes, ~40 ms sooner.

PySide6 makes a Qt class's Python enum types (all of them) when Python first meets the class, through the enum
module's functional API (`IntEnum("Key", [("Key_Escape", 16777216), …], boundary=KEEP)`). On Python 3.11 that
API puts every member through `_EnumDict.__setitem__`, wraps it in a `_proto_member`, lets `type.__new__` call
its `__set_name__`, which deletes the attribute again before it makes the member: ~13 µs a member. The console's
first frame meets ~3,800 members (the `Qt` namespace alone 1,195): 67 ms of enum creation against 19 ms for a
bare window with a label (issue 29).

`install()` replaces `EnumType._create_` with CPython 3.11's own body, changed in one place: for a plain list of
(name, int) pairs on `Enum`, `IntEnum`, `Flag` or `IntFlag` (what PySide6 passes) the class is made empty by
CPython's own `EnumType.__new__`, and the members are then made and placed as `_proto_member.__set_name__` makes
them (value, name, sort order, aliases by value, the flag masks, iteration order). Anything else (names as a
string or a mapping, a mixed-in type, a name that is private, reused or would shadow a property of the base)
takes CPython's path unchanged. `tests/startup/test_quick_enums.py` rebuilds every enum type of the Qt modules the
program uses both ways and compares them member by member.

Only on Python 3.11 (3.12 rewrote the enum module); elsewhere nothing changes. The function body keeps
CPython's so the frame it reads the calling module from is the one CPython reads. `_create_` is based on CPython
3.11's Lib/enum.py, Copyright (c) 2001-2023 Python Software Foundation; All Rights Reserved; used under the PSF
License Version 2, whose text and a summary of the changes are in LICENSE-PSF.txt.
"""

from __future__ import annotations

import enum
import sys
import types
from typing import Any

_PLAIN_BASES: tuple[type, ...] = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_original: Any = None
_CPYTHON_PARTS = ("_proto_member", "_is_single_bit", "_make_class_unpicklable", "_EnumDict")
"""What the quick path relies on being there as in CPython 3.11.7, where its body comes from."""


def install() -> bool:
    """Make PySide6's enum types the quick way from now on; True when in place (Python 3.11 only)."""
    global _original
    if _original is not None:
        return True
    if sys.version_info[:2] != (3, 11) or not all(hasattr(enum, name) for name in _CPYTHON_PARTS):
        return False
    if not hasattr(enum.Flag, "_iter_member_by_def_"):
        return False
    _original = getattr(enum.EnumType, "_create_")  # noqa: B009 - a private name, not in typeshed
    setattr(enum.EnumType, "_create_", _create_)  # noqa: B010
    return True


def _plain_pairs(cls: type, names: object) -> bool:
    """A list of (name, int) pairs, each name new, public and shadowing no property of the base: the input
    `_quick_members` makes exactly as CPython would."""
    if cls not in _PLAIN_BASES or type(names) is not list or not names:
        return False
    shadowed = _shadowed(cls)
    seen: set[str] = set()
    for item in names:
        if type(item) is not tuple or len(item) != 2:
            return False
        name, value = item
        if type(name) is not str or type(value) is not int or not name or name[0] == "_" or name == "mro":
            return False
        if name in seen or name in shadowed:  # reused (CPython: an error); a property (CPython: a redirect)
            return False
        seen.add(name)
    return True


_SHADOWED: dict[type, frozenset[str]] = {}


def _shadowed(cls: type) -> frozenset[str]:
    """The names for which `_proto_member.__set_name__` puts a redirect in place on a subclass of `cls` (a
    property, a DynamicClassAttribute or another descriptor with fget, fset and fdel along the MRO); read once
    per base class, which the enum module does not change."""
    found = _SHADOWED.get(cls)
    if found is None:
        found = _SHADOWED[cls] = frozenset(
            name
            for base in cls.__mro__
            for name, attribute in vars(base).items()
            if isinstance(attribute, (property, types.DynamicClassAttribute))
            or (hasattr(attribute, "fget") and hasattr(attribute, "fset") and hasattr(attribute, "fdel"))
        )
    return found


def _quick_members(enum_class: Any, names: list[tuple[str, int]]) -> None:
    """What `_proto_member.__set_name__` does for each member, for int values on a plain base."""
    new_member = enum_class._new_member_
    use_args = enum_class._use_args_
    member_type = enum_class._member_type_
    member_map = enum_class._member_map_
    value_map = enum_class._value2member_map_
    member_names = enum_class._member_names_
    is_flag = issubclass(enum_class, enum.Flag)
    single_bit = enum._is_single_bit  # type: ignore[attr-defined]
    place = type.__setattr__
    initialise = enum_class.__init__ is not enum.Enum.__init__  # Enum's own does nothing
    flag_mask = singles_mask = 0
    for name, value in names:
        member = new_member(enum_class, value) if use_args else new_member(enum_class)
        if not hasattr(member, "_value_"):
            member._value_ = value if member_type is object else member_type(value)
        value = member._value_
        member._name_ = name
        member.__objclass__ = enum_class
        if initialise:
            member.__init__(value)
        member._sort_order_ = len(member_names)
        if is_flag:
            flag_mask |= value
            if single_bit(value):
                singles_mask |= value
        canonical = value_map.get(value)
        if canonical is not None:
            member = canonical  # an alias
        elif not is_flag or single_bit(value):
            member_names.append(name)
        place(enum_class, name, member)
        member_map[name] = member
        value_map.setdefault(value, member)
    if is_flag:
        enum_class._flag_mask_ = flag_mask
        enum_class._singles_mask_ = singles_mask
        enum_class._all_bits_ = 2 ** (flag_mask.bit_length()) - 1
        values = [m._value_ for m in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_


def _create_(
    cls: Any,
    class_name: str,
    names: Any,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: Any = None,
    start: int = 1,
    boundary: Any = None,
) -> Any:
    """CPython 3.11's `EnumType._create_`, with the quick members for PySide6's input (module docstring)."""
    metacls = cls.__class__
    bases = (cls,) if type is None else (type, cls)
    _, first_enum = cls._get_mixins_(class_name, bases)
    classdict = metacls.__prepare__(class_name, bases)
    quick = type is None and _plain_pairs(cls, names)

    # special processing needed for names?
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        original_names, names = names, []
        last_values: list[Any] = []
        for count, name in enumerate(original_names):
            value = first_enum._generate_next_value_(name, start, count, last_values[:])
            last_values.append(value)
            names.append((name, value))
    if names is None:
        names = ()

    if not quick:
        # Here, names is either an iterable of (name, value) or a mapping.
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value

    if module is None:
        try:
            module = sys._getframe(2).f_globals["__name__"]
        except (AttributeError, ValueError, KeyError):
            pass
    if module is None:
        enum._make_class_unpicklable(classdict)  # type: ignore[attr-defined]
    else:
        classdict["__module__"] = module
    if qualname is not None:
        classdict["__qualname__"] = qualname

    enum_class = metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)
    if quick:
        _quick_members(enum_class, names)
    return enum_class

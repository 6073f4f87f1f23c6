"""`@value_class`: a dataclass that compiles one method instead of three to six (issue 29).

Python 3.11's `dataclass(frozen=True)` writes six methods for each class as source text and compiles each one
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`): ~0.75 ms a class, ~35 ms for the
model's and storage's value classes before the console's first frame. Only `__init__` needs source of its own (its
parameters are the fields); the others need nothing but the field names, so here they are closures over the names
and an `operator.attrgetter`, and `__init__` is compiled from the same text `dataclass` writes. `dataclass` itself
still reads the fields (and makes the slotted class for `slots=True`), so `dataclasses.replace/fields/asdict` and
pattern matching work as for any dataclass, and its `__dataclass_params__` say what the class is.

`@value_class` is `@dataclass(frozen=True)`; `@value_class(slots=True)` adds `slots=True`; `@value_class(frozen=False)`
is a plain `@dataclass`. What a class does (construction, defaults and factories, `__post_init__`, immutability,
equality, hash, repr, pickling) is exactly the dataclass's: tests/project/test_value_class.py holds them side by side.
Python 3.13 compiles a dataclass's methods in one go; there this saves less, and changes nothing.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
from collections.abc import Callable
from dataclasses import MISSING
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


class _Factory:
    """The default of a parameter whose field has a default factory (dataclass's `_HAS_DEFAULT_FACTORY`)."""

    def __repr__(self) -> str:
        return "<factory>"  # as the class's signature shows it


_FACTORY = _Factory()


def _values_of(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """The fields' values as a tuple, as the generated methods build it (`(self.a, self.b)`)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """`__init__` as `dataclass` writes it: a parameter per field, in order, with its default (or a marker for a
    factory); each value set with `object.__setattr__` (frozen) or `self.name = value`; then `__post_init__`."""
    names: dict[str, object] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    parameters, lines = ["self"], []
    for f in fields:
        parameter, value = f.name, f.name
        if f.default_factory is not MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            parameter, value = f"{f.name}=_FACTORY", f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        elif f.default is not MISSING:
            names[f"_default_{f.name}"] = f.default
            parameter = f"{f.name}=_default_{f.name}"
        parameters.append(parameter)
        lines.append(f"    _set(self, {f.name!r}, {value})" if frozen else f"    self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = f"def __init__({', '.join(parameters)}):\n" + ("\n".join(lines) or "    pass") + "\n"
    exec(source, names)  # our own text, made from the field names, as dataclass makes it
    init: Callable[..., None] = names["__init__"]  # type: ignore[assignment]
    init.__annotations__ = {f.name: f.type for f in fields} | {"return": None}
    return init


def _check(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    pseudo = [f.name for f in cls.__dataclass_fields__.values() if "InitVar" in str(f.type)]  # type: ignore[attr-defined]
    odd = [f.name for f in fields if not f.init or f.kw_only] + pseudo
    if odd:
        raise TypeError(f"{cls.__qualname__}.{odd[0]}: init=False, kw_only and InitVar need @dataclass")
    defaults = [f.default is not MISSING or f.default_factory is not MISSING for f in fields]
    if any(not has and any(defaults[:i]) for i, has in enumerate(defaults)):
        raise TypeError(f"{cls.__qualname__}: a field without a default follows one with a default")


def _methods(cls: type, frozen: bool, slots: bool) -> dict[str, Any]:
    fields = dataclasses.fields(cls)
    _check(cls, fields)
    field_names = tuple(f.name for f in fields)
    compared = _values_of(tuple(f.name for f in fields if f.compare))
    hashed = _values_of(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    shown_values = _values_of(shown)

    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: object) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: object) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(shown, shown_values(self), strict=True))
        return f"{self.__class__.__qualname__}({inner})"

    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in field_names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in field_names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    def __getstate__(self: object) -> list[object]:  # a frozen class with slots pickles its fields' values
        return [getattr(self, name) for name in field_names]

    def __setstate__(self: object, state: list[object]) -> None:
        for name, value in zip(field_names, state, strict=True):
            object.__setattr__(self, name, value)

    methods: dict[str, Any] = {"__init__": _init(cls, fields, frozen), "__eq__": __eq__, "__repr__": __repr__}
    if frozen:
        methods.update(__hash__=__hash__, __setattr__=__setattr__, __delattr__=__delattr__)
        if slots:
            methods.update(__getstate__=__getstate__, __setstate__=__setstate__)
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        method.__module__ = cls.__module__
    if not frozen:
        methods["__hash__"] = None  # equality by value, not frozen: unhashable, as dataclass makes it
    return methods


def _make(cls: type[T], frozen: bool, slots: bool) -> type[T]:
    for name in ("__init__", "__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__"):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} writes its own {name}: use @dataclass")
    bases = [b.__dict__["__dataclass_params__"].frozen for b in cls.__mro__[1:] if "__dataclass_params__" in b.__dict__]
    if frozen and not all(bases):
        raise TypeError(f"{cls.__qualname__}: a frozen class cannot build on a dataclass that is not frozen")
    # reads the fields and writes no method (dataclass checks a frozen base only against frozen=True: the rare
    # class built on another value class pays for dataclass's frozen __setattr__/__delattr__, replaced below)
    made = dataclasses.dataclass(init=False, repr=False, eq=False, frozen=frozen and any(bases), slots=slots)(cls)
    for name, method in _methods(made, frozen, slots).items():
        type.__setattr__(made, name, method)
    params = made.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = True
    params.frozen = frozen
    return made


@overload
def value_class(cls: type[T], /) -> type[T]: ...


@overload
def value_class(*, frozen: bool = True, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def value_class(
    cls: type[T] | None = None, /, *, frozen: bool = True, slots: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """The class as `@dataclass(frozen=frozen, slots=slots)` makes it, with one method compiled."""
    if cls is None:
        return lambda later: _make(later, frozen, slots)
    return _make(cls, frozen, slots)

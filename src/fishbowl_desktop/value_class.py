"""`@value_class`: a frozen dataclass that costs half as much to create (issue 29).

Python 3.11's `dataclass(frozen=True)` writes six methods for each class as source text and compiles each one
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`): ~0.7 ms a class, ~35 ms for the
model's and storage's value classes before the console's first frame. Three of those six need nothing of the
class but its field names, so they need no compiling: here they are closures over one `operator.attrgetter`.
`dataclass` still writes `__init__` and the frozen `__setattr__`/`__delattr__`, so construction, immutability,
`dataclasses.replace/fields/asdict` and pattern matching are exactly a frozen dataclass's; equality, the hash and
the repr give what the generated methods give (tests/test_value_class.py holds them side by side).
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _values_of(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """The fields' values as a tuple, as the generated methods build it (`(self.a, self.b)`)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _methods(cls: type) -> dict[str, Callable[..., Any]]:
    fields = dataclasses.fields(cls)
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

    methods: dict[str, Callable[..., Any]] = {"__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__}
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
    return methods


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def value_class(cls: type[T]) -> type[T]:
    """The class as `@dataclass(frozen=True)` makes it, with equality, hash and repr from the field names."""
    for name in ("__eq__", "__hash__", "__repr__"):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} writes its own {name}: use @dataclass(frozen=True)")
    made = dataclasses.dataclass(frozen=True, eq=False, repr=False)(cls)
    for name, method in _methods(made).items():
        setattr(made, name, method)
    return made

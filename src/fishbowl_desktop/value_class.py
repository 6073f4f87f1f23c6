"""`@value_class`: a frozen dataclass that costs a third as much to create (issue 29).

Python 3.11's `dataclass(frozen=True)` writes six methods for each class as source text and compiles each one
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`): ~0.75 ms a class, ~35 ms for the
model's and storage's value classes before the console's first frame. Only `__init__` needs source of its own (its
parameters are the fields); the other five need nothing but the field names, so here they are closures over the
names and one `operator.attrgetter`, and `__init__` is compiled from the same text `dataclass` writes for a frozen
class. `dataclass` itself still reads the fields, so `dataclasses.replace/fields/asdict/is_dataclass` and pattern
matching work as for any frozen dataclass, and its `__dataclass_params__` say frozen. What a value class does
(construction, defaults and factories, `__post_init__`, immutability, equality, hash, repr) is exactly a frozen
dataclass's: tests/project/test_value_class.py holds them side by side. Python 3.13 compiles a dataclass's methods
in one go; there this saves less, and changes nothing.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
from collections.abc import Callable
from dataclasses import MISSING
from typing import Any, TypeVar, dataclass_transform

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


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """`__init__` as `dataclass(frozen=True)` writes it: a parameter per field, in order, with its default (or a
    marker for a factory), each value set with `object.__setattr__`, then `__post_init__` if the class has one."""
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
        lines.append(f"    _set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = f"def __init__({', '.join(parameters)}):\n" + ("\n".join(lines) or "    pass") + "\n"
    exec(source, names)  # our own text, made from the field names, as dataclass makes it
    init: Callable[..., None] = names["__init__"]  # type: ignore[assignment]
    init.__annotations__ = {f.name: f.type for f in fields} | {"return": None}
    return init


def _methods(cls: type) -> dict[str, Callable[..., Any]]:
    fields = dataclasses.fields(cls)
    pseudo = [f.name for f in cls.__dataclass_fields__.values() if "InitVar" in str(f.type)]  # type: ignore[attr-defined]
    odd = [f.name for f in fields if not f.init or f.kw_only] + pseudo
    if odd:
        raise TypeError(f"{cls.__qualname__}.{odd[0]}: init=False, kw_only and InitVar need @dataclass(frozen=True)")
    defaults = [f.default is not MISSING or f.default_factory is not MISSING for f in fields]
    if any(not has and any(defaults[:i]) for i, has in enumerate(defaults)):
        raise TypeError(f"{cls.__qualname__}: a field without a default follows one with a default")
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

    methods: dict[str, Callable[..., Any]] = {
        "__init__": _init(cls, fields),
        "__eq__": __eq__,
        "__hash__": __hash__,
        "__repr__": __repr__,
        "__setattr__": __setattr__,
        "__delattr__": __delattr__,
    }
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        method.__module__ = cls.__module__
    return methods


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def value_class(cls: type[T]) -> type[T]:
    """The class as `@dataclass(frozen=True)` makes it, with one method compiled instead of six."""
    for name in ("__init__", "__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__"):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} writes its own {name}: use @dataclass(frozen=True)")
    made = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # reads the fields, writes no method
    for name, method in _methods(made).items():
        type.__setattr__(made, name, method)
    params = made.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = params.frozen = True  # what the class is: a frozen dataclass
    return made

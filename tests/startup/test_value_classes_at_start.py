"""What making the value classes costs before the console's first frame (issue 29): counted, not timed.

Python 3.11's `dataclass` compiles each generated method from source text (~0.1 ms each), and writes a docstring
for a class without one from `inspect.signature` of the class (~0.15 ms). The probe counts both from the entry
point to the console window's first paint, on the sample evening.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.first_paint import AT_FIRST_PAINT, start_watched

pytestmark = pytest.mark.slow  # a real start in a child process

VALUE_CLASS_CHILD = (
    """
import dataclasses, importlib.abc, importlib.util, inspect, json, sys

made, signatures, compiled = [], [0], [0]
process_class, signature, create_fn = dataclasses._process_class, inspect.signature, dataclasses._create_fn


def counted_process_class(cls, *args, **kwargs):
    made.append(cls.__qualname__)
    return process_class(cls, *args, **kwargs)


def counted_signature(*args, **kwargs):
    signatures[0] += 1
    return signature(*args, **kwargs)


def counted_create_fn(*args, **kwargs):  # dataclass compiles one generated method from its source text
    compiled[0] += 1
    return create_fn(*args, **kwargs)


dataclasses._process_class = counted_process_class
dataclasses._create_fn = counted_create_fn
inspect.signature = counted_signature
from fishbowl_desktop.__main__ import main  # what `fishbowl-desktop` runs, from its first import on


def at_first_paint():
    return {"dataclasses": made, "signatures": signatures[0], "compiled": compiled[0]}
"""
    + AT_FIRST_PAINT
)


def test_no_value_class_before_the_first_frame_needs_a_made_up_docstring(tmp_path: Path) -> None:
    """A dataclass without a docstring gets one made from `inspect.signature(cls)`: 30 of them before the first
    frame did (~4 ms of CPU). Each value class says in one line what it holds, as the conventions want anyway."""
    seen = start_watched(VALUE_CLASS_CHILD, tmp_path)
    assert isinstance(seen["dataclasses"], list) and len(seen["dataclasses"]) > 20  # the probe saw them being made
    assert seen["signatures"] == 0, f"{seen['signatures']} signatures computed for a missing docstring"


METHODS_COMPILED_BEFORE_THE_FIRST_FRAME = 200
"""Methods `dataclass` compiles from the entry point to the first paint, on the sample evening: 165 now (three for
a `@value_class`: `__init__` and the frozen `__setattr__`/`__delattr__`); 288 before issue 29's value classes
(six for each `@dataclass(frozen=True)`)."""


def test_the_value_classes_compile_only_the_methods_that_need_their_source(tmp_path: Path) -> None:
    """Equality, hash and repr of a value class need only its field names: `@value_class` makes them as closures
    over an `operator.attrgetter`; `dataclass(frozen=True)` compiled them from source, ~0.1 ms each."""
    seen = start_watched(VALUE_CLASS_CHILD, tmp_path)
    assert isinstance(seen["dataclasses"], list) and len(seen["dataclasses"]) > 20
    compiled = seen["compiled"]
    assert isinstance(compiled, int) and compiled <= METHODS_COMPILED_BEFORE_THE_FIRST_FRAME, (
        f"{compiled} dataclass methods compiled before the first frame"
    )

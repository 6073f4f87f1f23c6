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
import builtins, dataclasses, importlib.abc, importlib.util, inspect, json, sys

made, signatures, compiled = [], [0], [0]
process_class, signature, run = dataclasses._process_class, inspect.signature, builtins.exec


def counted_process_class(cls, *args, **kwargs):
    made.append(cls.__qualname__)
    return process_class(cls, *args, **kwargs)


def counted_signature(*args, **kwargs):
    signatures[0] += 1
    return signature(*args, **kwargs)


def counted_exec(source, *args, **kwargs):  # a method compiled from its source text, as dataclass writes them
    if isinstance(source, str) and source.startswith("def "):
        compiled[0] += 1
    return run(source, *args, **kwargs)


dataclasses._process_class = counted_process_class
builtins.exec = counted_exec
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


METHODS_COMPILED_BEFORE_THE_FIRST_FRAME = 60
"""Functions compiled from source text (as `dataclass` writes methods) from the entry point to the first paint, on
the sample evening: 52 now (one `__init__` for each `@value_class`); 288 before issue 29's value classes (six for
each `@dataclass(frozen=True)`, three for a plain `@dataclass`)."""


def test_the_value_classes_compile_only_the_methods_that_need_their_source(tmp_path: Path) -> None:
    """Equality, hash, repr and the frozen `__setattr__`/`__delattr__` of a value class need only its field names:
    `@value_class` makes them as closures; `dataclass(frozen=True)` compiled each from source, ~0.1 ms each."""
    seen = start_watched(VALUE_CLASS_CHILD, tmp_path)
    assert isinstance(seen["dataclasses"], list) and len(seen["dataclasses"]) > 20
    compiled = seen["compiled"]
    assert isinstance(compiled, int) and compiled <= METHODS_COMPILED_BEFORE_THE_FIRST_FRAME, (
        f"{compiled} methods compiled from source text before the first frame"
    )

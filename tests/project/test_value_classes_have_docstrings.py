"""Every dataclass of the program says in its own docstring what it holds (issue 29).

Without one, Python 3.11's `dataclass` makes one up from `inspect.signature(cls)` at import time (~0.15 ms a
class, ~4 ms before the console's first frame); the start-up guard counts that for the first frame only, this
test for every module.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import fishbowl_desktop


def test_every_dataclass_has_a_docstring_of_its_own() -> None:
    missing = []
    for info in pkgutil.walk_packages(fishbowl_desktop.__path__, "fishbowl_desktop."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name:
                own = value.__dict__.get("__doc__") or ""
                if own.startswith(value.__name__ + "("):  # dataclass's made-up one: "Name(field: type, …)"
                    missing.append(f"{info.name}.{value.__qualname__}")
    assert sorted(set(missing)) == []

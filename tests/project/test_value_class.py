"""`@value_class` behaves as `@dataclass(frozen=True)`: the same class written both ways, side by side."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fishbowl_desktop.value_class import value_class


def both(make: Any) -> tuple[Any, Any]:
    """The class `make()` returns, made once by `dataclass(frozen=True)` and once by `value_class`."""
    return dataclass(frozen=True)(make()), value_class(make())


def seat() -> type:
    class Seat:
        """A chair."""

        kind: str
        occupant: str | None = None
        since: float = field(default=0.0, compare=False)
        notes: tuple[str, ...] = field(default_factory=tuple, repr=False)
        tag: int = field(default=0, hash=False)

    return Seat


def one() -> type:
    class One:
        """One field."""

        name: str

    return One


def none() -> type:
    class Empty:
        """No fields."""

    return Empty


values = st.tuples(
    st.sampled_from(["panel", "free"]),
    st.none() | st.text(max_size=5),
    st.floats(allow_nan=False),
    st.lists(st.text(max_size=3), max_size=3).map(tuple),
    st.integers(-3, 3),
)


@given(values, values)
def test_equality_hash_and_repr_are_the_dataclasses(a: tuple[Any, ...], b: tuple[Any, ...]) -> None:
    plain, valued = both(seat)
    pa, pb, va, vb = plain(*a), plain(*b), valued(*a), valued(*b)
    assert (va == vb) is (pa == pb)
    assert (va != vb) is (pa != pb)
    assert hash(va) == hash(pa) and hash(vb) == hash(pb)
    assert repr(va) == repr(pa) and repr(vb) == repr(pb)


@pytest.mark.parametrize("make", [one, none])
def test_one_field_and_none_are_as_the_dataclasses(make: Any) -> None:
    plain, valued = both(make)
    args = ("Ada",) if make is one else ()
    assert repr(valued(*args)) == repr(plain(*args))
    assert hash(valued(*args)) == hash(plain(*args))
    assert valued(*args) == valued(*args)


def test_only_the_same_class_compares_equal() -> None:
    _, valued = both(seat)
    _, other = both(seat)  # another class with the same fields and name

    class Subclass(valued):  # type: ignore[misc, valid-type]
        pass

    assert valued("panel") == valued("panel")
    assert valued("panel") != other("panel")
    assert valued("panel") != Subclass("panel")
    assert valued("panel").__eq__(("panel",)) is NotImplemented
    assert valued("panel", since=1.0) == valued("panel", since=2.0)  # compare=False


def test_it_is_frozen_and_works_with_the_dataclass_functions() -> None:
    _, valued = both(seat)
    chair = valued("panel", "p1")
    with pytest.raises(FrozenInstanceError):
        chair.kind = "free"
    with pytest.raises(FrozenInstanceError):
        del chair.occupant
    moved = dataclasses.replace(chair, occupant="p2")
    assert moved.occupant == "p2" and chair.occupant == "p1"
    assert [f.name for f in dataclasses.fields(chair)] == ["kind", "occupant", "since", "notes", "tag"]
    assert dataclasses.asdict(chair)["occupant"] == "p1"
    match chair:
        case valued(kind, occupant):  # __match_args__
            assert (kind, occupant) == ("panel", "p1")
        case _:
            pytest.fail("no match")
    assert {chair, valued("panel", "p1")} == {chair}
    assert valued.__doc__ == "A chair."


def test_a_recursive_repr_says_dots() -> None:
    @value_class
    class Box:
        """Holds anything."""

        items: list[Any]

    box = Box([])
    box.items.append(box)
    assert repr(box) == "test_a_recursive_repr_says_dots.<locals>.Box(items=[...])"


made: list[str] = []


def checked() -> type:
    class Checked:
        """Checks itself after construction, and counts its factory's calls."""

        name: str
        seats: int = 3
        log: list[str] = field(default_factory=lambda: made.append("log") or [])  # type: ignore[func-returns-value]

        def __post_init__(self) -> None:
            if self.seats < 0:
                raise ValueError("seats")

    return Checked


def test_construction_is_the_dataclasses() -> None:
    plain, valued = both(checked)
    assert str(inspect.signature(valued)) == str(inspect.signature(plain))  # "log: list[str] = <factory>"
    assert valued.__init__.__annotations__ == plain.__init__.__annotations__
    made.clear()
    a, b = valued("x"), valued("y", 2, ["given"])
    assert made == ["log"] and (a.seats, a.log, b.seats, b.log) == (3, [], 2, ["given"])
    assert valued(name="z", seats=1) == valued("z", 1)
    with pytest.raises(ValueError, match="seats"):
        valued("x", -1)  # __post_init__ runs
    with pytest.raises(TypeError):
        valued()
    with pytest.raises(TypeError):
        valued("x", 1, [], "one too many")
    assert valued.__dataclass_params__.frozen and valued.__dataclass_params__.eq


def test_a_frozen_dataclass_may_build_on_it_and_it_pickles() -> None:
    @dataclass(frozen=True)
    class Wider(Sample):
        """One field more."""

        extra: int = 0

    wider = Wider("panel", extra=1)
    assert wider.kind == "panel" and wider == Wider("panel", extra=1) and wider != Sample("panel")
    assert pickle.loads(pickle.dumps(Sample("panel", "p1"))) == Sample("panel", "p1")


@value_class
class Sample:
    """Module level, so pickle finds it."""

    kind: str
    occupant: str | None = None


def test_what_dataclass_would_do_differently_is_refused() -> None:
    def kw_only() -> type:
        class Late:
            """A keyword-only field."""

            a: int = field(kw_only=True)

        return Late

    def ordering() -> type:
        class Order:
            """A field without a default after one with a default."""

            a: int = 0
            b: int = field()

        return Order

    for make in (kw_only, ordering):
        with pytest.raises(TypeError):
            value_class(make())


@pytest.mark.parametrize("method", ["__init__", "__eq__", "__repr__", "__hash__", "__setattr__", "__delattr__"])
def test_a_class_with_its_own_method_is_refused(method: str) -> None:
    kind = type("Own", (), {"__annotations__": {"x": "int"}, method: lambda self, *a: 0})
    with pytest.raises(TypeError, match=method):
        value_class(kind)


@pytest.mark.parametrize(("frozen", "slots"), [(False, False), (True, True), (False, True)])
@given(values, values)
def test_with_options_it_is_the_dataclass_with_those_options(
    frozen: bool, slots: bool, a: tuple[Any, ...], b: tuple[Any, ...]
) -> None:
    plain: Any = dataclass(frozen=frozen, slots=slots)(seat())
    valued: Any = value_class(frozen=frozen, slots=slots)(seat())
    pa, pb, va, vb = plain(*a), plain(*b), valued(*a), valued(*b)
    assert (va == vb) is (pa == pb) and repr(va) == repr(pa)
    if frozen:
        assert hash(va) == hash(pa)
    else:
        assert plain.__hash__ is None and valued.__hash__ is None
    assert hasattr(va, "__dict__") is hasattr(pa, "__dict__") is not slots
    assert valued.__dataclass_params__.frozen is plain.__dataclass_params__.frozen is frozen


def test_a_mutable_one_assigns_through_the_class_and_is_unhashable() -> None:
    @value_class(frozen=False)
    class Tally:
        """Counted up as the evening goes."""

        turns: int = 0
        names: list[str] = field(default_factory=list)

    tally = Tally()
    tally.turns += 1
    tally.names.append("Ada")
    assert tally == Tally(1, ["Ada"]) and tally.names is not Tally().names
    with pytest.raises(TypeError):
        hash(tally)


@value_class(slots=True)
class Slotted:
    """Module level, so pickle finds it."""

    kind: str
    seats: int = 0


def test_a_frozen_slotted_one_pickles_and_stays_frozen() -> None:
    chair = Slotted("panel", 3)
    assert Slotted.__slots__ == ("kind", "seats")
    assert pickle.loads(pickle.dumps(chair)) == chair
    assert chair.__getstate__() == ["panel", 3]  # as dataclass's frozen slotted classes pickle
    with pytest.raises(FrozenInstanceError):
        chair.kind = "free"  # type: ignore[misc]
    assert dataclasses.replace(chair, seats=4) == Slotted("panel", 4)


def test_a_value_class_may_build_on_another() -> None:
    @value_class
    class Wider(Sample):
        """One field more."""

        extra: int = 0

    wider = Wider("panel", extra=1)
    assert [f.name for f in dataclasses.fields(wider)] == ["kind", "occupant", "extra"]
    assert wider == Wider("panel", None, 1) and wider != Sample("panel")
    assert repr(wider).endswith("Wider(kind='panel', occupant=None, extra=1)")
    with pytest.raises(FrozenInstanceError):
        wider.kind = "free"  # type: ignore[misc]
    with pytest.raises(TypeError):  # as dataclass: not frozen on a frozen base, nor frozen on a mutable one

        @value_class(frozen=False)
        class Loose(Sample):  # type: ignore[misc]
            """Mutable."""

    mutable: Any = value_class(frozen=False)(one())
    with pytest.raises(TypeError):
        value_class(type("Stiff", (mutable,), {"__doc__": "Frozen.", "__annotations__": {}}))

"""The free-chair queue panel and its item model, driven through the real widgets."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, OrderingRule, Role, RuleChain, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.name_lookup import Meant, who_is_meant
from fishbowl_desktop.ui import PARTICIPANT_MIME, SEAT_MIME
from fishbowl_desktop.ui.queue.queue_model import QueueModel
from fishbowl_desktop.ui.queue.queue_panel import QueuePanel


def queue_ids(session: Session) -> list[str]:
    return [e.participant_id for e in session.queue]


@pytest.fixture
def panel(ctl: SessionController, qtbot: QtBot) -> QueuePanel:
    p = QueuePanel(ctl)
    qtbot.addWidget(p)
    p.resize(420, 500)
    p.show()
    return p


def person_mime(pid: str, seat: int | None = None) -> QMimeData:
    mime = QMimeData()
    mime.setData(PARTICIPANT_MIME, QByteArray(pid.encode()))
    if seat is not None:
        mime.setData(SEAT_MIME, QByteArray(str(seat).encode()))
    return mime


def test_model_passes_modeltester_through_every_kind_of_change(
    ctl: SessionController, demo: Session, qtmodeltester: ModelTester
) -> None:
    model = QueueModel(ctl)
    qtmodeltester.check(model, force_py=True)
    ctl.enqueue("aud-05")  # insert
    ctl.move_in_queue(3, 0)  # move up
    ctl.move_in_queue(0, 2)  # move down
    ctl.next_free_chair()  # remove
    ctl.undo_stack.undo()
    ctl.undo_stack.undo()
    ctl.set_ordering(RuleChain.of(OrderingRule.NEW_VOICES_FIRST))
    ctl.replace_session(Session(demo.clock))  # the only reset
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_model_follows_rows_without_reset(ctl: SessionController, demo: Session, qtbot: QtBot) -> None:
    model = QueueModel(ctl)
    resets: list[int] = []
    moves: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsMoved.connect(lambda _p, s, _e, _d, row: moves.append((s, row)))
    ctl.move_in_queue(0, 2)
    assert moves == [(0, 3)]  # Qt's "before row 3" for a move to the end
    assert [model.participant_id(r) for r in range(3)] == queue_ids(demo)
    ctl.undo_stack.undo()
    assert resets == []
    assert [model.participant_id(r) for r in range(3)] == ["aud-04", "aud-03", "aud-12"]


def test_rows_show_waiting_time_and_speaking_record(ctl: SessionController, demo: Session, clock: FakeClock) -> None:
    model = QueueModel(ctl)
    assert model.data(model.index(0, QueueModel.NAME)) == "Ahmad Al-Sayed"
    assert model.data(model.index(0, QueueModel.WAITING)) == "6 min"
    clock.advance(65)
    assert model.data(model.index(0, QueueModel.WAITING)) == "7 min"  # whole minutes: the order says who is next
    assert model.data(model.index(0, QueueModel.SPOKEN)) == "new voice"
    ctl.enqueue("aud-02")  # spoke once, 2:14, in the demo
    assert model.data(model.index(3, QueueModel.SPOKEN)) == "1× · 2:14"


def test_quick_entry_queues_a_known_name_case_insensitively(panel: QueuePanel, demo: Session, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.entry, "emre KAYA")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert queue_ids(demo)[-1] == "aud-10"
    assert panel.entry.text() == ""
    assert len(demo.participants) == 17


def test_quick_entry_adds_a_new_guest_in_one_undo_step(
    panel: QueuePanel, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    qtbot.keyClicks(panel.entry, "  Zeynep   Arslan ")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    newcomer = demo.participant(queue_ids(demo)[-1])
    assert newcomer.name == "Zeynep Arslan" and newcomer.role is Role.AUDIENCE
    assert panel.model.rowCount() == 4
    ctl.undo_stack.undo()
    assert len(demo.participants) == 17 and len(demo.queue) == 3


def test_quick_entry_refusal_keeps_the_text(
    panel: QueuePanel, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    errors: list[str] = []
    ctl.errorRaised.connect(errors.append)
    qtbot.keyClicks(panel.entry, "Layla Haddad")  # seated panelist
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert errors and "already sits" in errors[0]
    assert panel.entry.text() == "Layla Haddad"


def test_the_name_typed_prefers_the_namesake_who_is_free(demo: Session) -> None:
    from fishbowl_desktop.model import make_participant

    twin = make_participant("Ahmad Al-Sayed")
    demo.add_participant(twin)
    assert who_is_meant(demo, "ahmad al-sayed") == Meant(person=twin.id)  # the other one is queued
    assert who_is_meant(demo, "   ") == Meant()
    assert who_is_meant(demo, "Neu  Person") == Meant(new_name="Neu Person")


def test_the_name_typed_folds_accents_and_knows_first_names(demo: Session) -> None:
    from fishbowl_desktop.model import make_participant

    assert who_is_meant(demo, "AYSE DEMIR") == Meant(person="aud-07")
    assert who_is_meant(demo, "ibrahim celik") == Meant(person="aud-12")
    assert who_is_meant(demo, "Ольга") == Meant(person="aud-03")
    assert who_is_meant(demo, "Olga") == Meant(new_name="Olga")  # no transliteration: a different name
    demo.add_participant(make_participant("Ayse Demir"))  # both spellings on the list: ask
    assert who_is_meant(demo, "ayse demir") == Meant(person=demo.participants[-1].id)  # as typed, exactly
    assert set(who_is_meant(demo, "AYŞE  demır").candidates) >= {"aud-07"}


def test_keyboard_reorders_and_selection_follows(panel: QueuePanel, demo: Session, qtbot: QtBot) -> None:
    panel.view.setFocus()
    panel.select_row(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert queue_ids(demo) == ["aud-03", "aud-04", "aud-12"]
    assert panel.selected_row() == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # already last: no-op
    assert queue_ids(demo) == ["aud-03", "aud-12", "aud-04"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert queue_ids(demo) == ["aud-03", "aud-04", "aud-12"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert queue_ids(demo) == ["aud-03", "aud-12"]


def test_drag_and_drop_reorders_and_takes_people_from_a_seat(
    panel: QueuePanel, ctl: SessionController, demo: Session
) -> None:
    model = panel.model
    assert model.canDropMimeData(person_mime("aud-12"), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.dropMimeData(person_mime("aud-12"), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert queue_ids(demo) == ["aud-12", "aud-04", "aud-03"]
    model.dropMimeData(person_mime("aud-12"), Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # to the end
    assert queue_ids(demo) == ["aud-04", "aud-03", "aud-12"]
    # the guest on the free chair is dragged into the queue, second place: one step, one undo
    model.dropMimeData(person_mime("aud-01", seat=4), Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert queue_ids(demo) == ["aud-04", "aud-01", "aud-03", "aud-12"]
    assert demo.seats[4].occupant is None
    ctl.undo_stack.undo()
    assert demo.seats[4].occupant == "aud-01" and queue_ids(demo) == ["aud-04", "aud-03", "aud-12"]
    mime = model.mimeData([model.index(2, 0)])
    assert bytes(mime.data(PARTICIPANT_MIME).data()) == b"aud-12"


def test_next_button_and_its_undo(panel: QueuePanel, ctl: SessionController, demo: Session, qtbot: QtBot) -> None:
    assert panel.next.text() == "Next: Ahmad Al-Sayed"
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert demo.seats[4].occupant == "aud-04"
    assert demo.turn is not None and demo.turn.participant_id == "aud-04"
    assert panel.model.rowCount() == 2 and panel.next.text() == "Next: Ольга Кузнецова"
    ctl.undo_stack.undo()
    assert demo.seats[4].occupant == "aud-01" and queue_ids(demo) == ["aud-04", "aud-03", "aud-12"]
    assert panel.next.text() == "Next: Ahmad Al-Sayed"


def test_each_ordering_rule_via_the_combo(
    panel: QueuePanel, ctl: SessionController, demo: Session, clock: FakeClock
) -> None:
    # aud-07 gets a second turn in the log, so "new voices" and "fewest turns" disagree
    demo.log.insert(
        0, SpeechRecord("aud-07", 4, SeatKind.FREE, clock.now() - timedelta(hours=1), 60, 120, Role.AUDIENCE, "FLINTA*")
    )
    for pid in ("aud-07", "aud-05", "aud-02"):  # 2 turns FLINTA*, new voice FLINTA*, 1 turn offen
        clock.advance(1)
        ctl.enqueue(pid)
    expected = {
        OrderingRule.FIRST_COME: ["aud-04", "aud-03", "aud-12", "aud-07", "aud-05", "aud-02"],
        OrderingRule.NEW_VOICES_FIRST: ["aud-04", "aud-03", "aud-12", "aud-05", "aud-07", "aud-02"],
        OrderingRule.FEWEST_TURNS: ["aud-04", "aud-03", "aud-12", "aud-05", "aud-02", "aud-07"],
        OrderingRule.ALTERNATE_GROUPS: ["aud-04", "aud-03", "aud-12", "aud-07", "aud-02", "aud-05"],
    }
    assert queue_ids(demo) == expected[OrderingRule.FIRST_COME]
    for rule in (
        OrderingRule.NEW_VOICES_FIRST,
        OrderingRule.FEWEST_TURNS,
        OrderingRule.ALTERNATE_GROUPS,
        OrderingRule.FIRST_COME,
    ):
        panel.ordering.setCurrentIndex(panel.ordering.findData(rule.value))  # the single rules' presets
        assert demo.settings.ordering == RuleChain.of(rule)
        assert queue_ids(demo) == expected[rule], rule
        assert [panel.model.participant_id(r) for r in range(6)] == expected[rule]
        assert panel.view.isColumnHidden(QueueModel.GROUP) == (rule is not OrderingRule.ALTERNATE_GROUPS)
    ctl.undo_stack.undo()  # back to alternate groups, and the combo follows
    assert panel.ordering.currentData() == OrderingRule.ALTERNATE_GROUPS.value


def test_a_tick_announces_only_the_waiting_cells_that_changed(
    panel: QueuePanel, ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    """One announcement over both live columns repainted (and re-measured) the whole queue every second; now a
    waiting time shown in whole minutes changes once a minute, and only its own cell is announced."""
    qtbot.waitExposed(panel)
    model = panel.model
    waiting = model.rowCount()
    assert waiting >= 2
    cells: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda tl, br, _roles: cells.append((tl.row(), tl.column(), br.row(), br.column())))
    clock.advance(0.01)
    model.refresh_live()
    assert cells == []  # the same texts as on screen: nothing to repaint
    clock.advance(1)
    model.refresh_live()
    assert cells == []  # a new second, the same minutes
    clock.advance(60)
    model.refresh_live()
    assert sorted(cells) == [(row, QueueModel.WAITING, row, QueueModel.WAITING) for row in range(waiting)]


def test_the_waiting_time_reads_in_whole_minutes(ctl: SessionController, clock: FakeClock) -> None:
    """Just come, minutes, hours: what a moderator reads at a glance, rounded as every duration is (half up)."""
    model = QueueModel(ctl)
    assert [model.waiting_text(s) for s in (0, 59.4, 59.5, 119, 3599.4, 3599.5, 3600 + 5 * 60)] == [
        "< 1 min",
        "< 1 min",
        "1 min",
        "1 min",
        "59 min",
        "1:00 h",
        "1:05 h",
    ]
    first = model.next_waiting_change()
    assert first is not None and 0 < first <= 60
    clock.advance(first - 0.01)
    texts = [model.data(model.index(row, QueueModel.WAITING)) for row in range(model.rowCount())]
    clock.advance(0.02)
    assert [model.data(model.index(row, QueueModel.WAITING)) for row in range(model.rowCount())] != texts


def test_the_live_columns_fit_their_widest_text_from_the_start(panel: QueuePanel, qtbot: QtBot) -> None:
    """Measured once rather than every second: so wide enough at once for hours of waiting and speaking."""
    qtbot.waitExposed(panel)
    view = panel.view
    metrics = view.fontMetrics()
    for col in (QueueModel.WAITING, QueueModel.SPOKEN):
        widest = max(metrics.horizontalAdvance(text) for text in panel.model.widest_live_texts(col))
        assert view.columnWidth(col) >= widest + 4
    assert metrics.horizontalAdvance("4:59 h") <= view.columnWidth(QueueModel.WAITING)
    assert metrics.horizontalAdvance("99× · 4:59:59") <= view.columnWidth(QueueModel.SPOKEN)


def test_the_name_field_suggests_who_is_on_the_list_and_is_not_refilled_by_next(
    panel: QueuePanel, ctl: SessionController, qtbot: QtBot
) -> None:
    """The suggestions follow the participant list (an added person, another session), and a Next, which
    changes the queue but nobody's name, leaves them as they are (2,000 names re-sorted cost ~2 ms a Next)."""
    from fishbowl_desktop.model import make_participant
    from fishbowl_desktop.model.demo import demo_session

    completer = panel.entry.completer()
    suggested = completer.model()

    def names() -> list[str]:
        return [suggested.index(r, 0).data() for r in range(suggested.rowCount())]

    assert "Zoë Neu" not in names()
    ctl.add_participant(make_participant("Zoë Neu"))
    assert "Zoë Neu" in names()

    refills: list[int] = []
    suggested.modelReset.connect(lambda: refills.append(1))
    suggested.rowsRemoved.connect(lambda *_: refills.append(1))
    ctl.next_free_chair()
    ctl.undo_stack.undo()
    assert refills == []

    ctl.undo_stack.undo()  # the added person goes again
    assert "Zoë Neu" not in names()
    other = demo_session(FakeClock())
    other.add_participant(make_participant("Ömer Yeni"))
    ctl.replace_session(other)
    assert "Ömer Yeni" in names()
    completer.setCompletionPrefix("omer")
    assert completer.currentCompletion() == "Ömer Yeni"

"""The participant list widgets, driven as the moderator would: dialog, keys, search, drag, undo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Role, format_duration, make_participant, speaking_stats
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.ui import PARTICIPANT_MIME
from fishbowl_desktop.ui.people.participant_dialog import ParticipantDialog
from fishbowl_desktop.ui.people.participant_model import ParticipantFilterModel, ParticipantTableModel
from fishbowl_desktop.ui.people.participants_panel import ParticipantsPanel
from fishbowl_desktop.ui.widgets.person_data import PARTICIPANT_ID_ROLE

Model = ParticipantTableModel


@pytest.fixture
def panel(ctl: SessionController, qtbot: QtBot) -> ParticipantsPanel:
    widget = ParticipantsPanel(ctl)
    qtbot.addWidget(widget)
    widget.resize(700, 450)
    widget.show()
    return widget


def _shown_ids(panel: ParticipantsPanel) -> list[str]:
    return [panel.proxy.index(r, 0).data(PARTICIPANT_ID_ROLE) for r in range(panel.proxy.rowCount())]


def _ok(dialog: ParticipantDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# ------------------------------------------------------------------ the item model
def _exercise(ctl: SessionController, proxy: ParticipantFilterModel | None = None) -> None:
    ctl.add_participant(make_participant("Zoë Neu"))
    ctl.remove_participant("aud-03")
    ctl.update_participant(ctl.session.participant("aud-05").with_changes(group="neu"))
    people = ctl.session.participants
    people.move(2, 10)  # no intent reorders people today, but undo's `assign` may: moves must map right
    people.move(12, 0)
    people.assign(sorted(people, key=lambda p: p.name), key=lambda p: p.id)
    if proxy is not None:
        proxy.set_search("a")
    for _ in range(3):
        ctl.undo_stack.undo()
    ctl.undo_stack.redo()
    if proxy is not None:
        proxy.set_search("")
    ctl.replace_session(demo_session(FakeClock()))
    ctl.add_participant(make_participant("Ana"))


def test_model_passes_modeltester_through_changes_and_undo(ctl: SessionController, qtmodeltester: ModelTester) -> None:
    model = Model(ctl)
    qtmodeltester.check(model, force_py=True)  # stays attached and checks every change below
    _exercise(ctl)
    qtmodeltester.check(model, force_py=True)


def test_filter_proxy_passes_modeltester(ctl: SessionController, qtmodeltester: ModelTester) -> None:
    model = Model(ctl)
    proxy = ParticipantFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(Model.NAME)
    qtmodeltester.check(proxy, force_py=True)
    _exercise(ctl, proxy)
    qtmodeltester.check(proxy, force_py=True)


def test_model_follows_the_list_row_by_row_and_resets_only_on_new_session(ctl: SessionController, qtbot: QtBot) -> None:
    model = Model(ctl)
    events: list[tuple[str, int]] = []
    model.rowsInserted.connect(lambda _p, first, _l: events.append(("insert", first)))
    model.rowsRemoved.connect(lambda _p, first, _l: events.append(("remove", first)))
    model.modelReset.connect(lambda: events.append(("reset", -1)))
    model.dataChanged.connect(lambda tl, _br, _roles: events.append(("changed", tl.row())))
    ctl.remove_participant("aud-03")  # row 7
    ctl.undo_stack.undo()
    assert events == [("remove", 7), ("insert", 7)]
    events.clear()
    ctl.update_participant(ctl.session.participant("aud-05").with_changes(organisation="Elternrat"))
    assert events == [("changed", 9)]
    assert model.index(9, Model.ORGANISATION).data() == "Elternrat"
    events.clear()
    ctl.replace_session(demo_session(FakeClock()))
    assert ("reset", -1) in events
    ctl.add_participant(make_participant("Nach dem Laden"))  # listens to the new session's list
    assert model.rowCount() == 18


@pytest.mark.parametrize("source, destination", [(2, 10), (12, 0), (5, 6), (6, 5)])
def test_moves_keep_persistent_indexes_on_the_same_person(
    ctl: SessionController, source: int, destination: int
) -> None:
    model = Model(ctl)
    people = ctl.session.participants
    moved, other = QPersistentModelIndex(model.index(source, 0)), QPersistentModelIndex(model.index(3, 0))
    moved_id, other_id = people[source].id, people[3].id
    people.move(source, destination)
    assert moved.row() == destination == model.row_of(moved_id)
    assert other.row() == model.row_of(other_id)
    assert model.index(destination, Model.NAME).data() == people[destination].name


def test_model_columns_show_role_consent_and_speaking_stats(ctl: SessionController) -> None:
    model = Model(ctl)
    row = model.row_of("pan-2")
    assert model.index(row, Model.ROLE).data() == "Panel"
    assert model.index(row, Model.TURNS).data() == "1"
    assert model.index(row, Model.SPEAKING_TIME).data() == "3:16"
    greek = model.row_of("aud-06")
    assert model.index(greek, Model.CONSENT).data() == "–"
    assert "never printed" in model.index(greek, Model.CONSENT).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(model.row_of("aud-01"), Model.TURNS).data() == ""


def test_a_new_turn_announces_the_speakers_turns_with_the_time(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    model = Model(ctl)
    ctl.start_turn("pan-2")  # has spoken once before
    row = model.row_of("pan-2")
    turns = model.index(row, Model.TURNS).data()
    model.index(row, Model.SPEAKING_TIME).data()  # read, as a view on screen does
    changed: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda tl, br, _roles: changed.append((tl.row(), tl.column(), br.column())))
    clock.advance(30.0)
    ctl.end_turn()  # one more turn, and its time
    assert model.index(row, Model.TURNS).data() == str(int(turns) + 1)
    assert (row, Model.TURNS, Model.SPEAKING_TIME) in changed


def test_format_duration() -> None:
    # The program's one rule (model/durations.py): to the nearest second, half a second up.
    assert [format_duration(s) for s in (0, 59.9, 61, 3600, 3725.5)] == ["0:00", "1:00", "1:01", "1:00:00", "1:02:06"]


def test_drag_carries_the_participant_id(ctl: SessionController) -> None:
    model = Model(ctl)
    index = model.index(model.row_of("aud-09"), Model.NAME)
    assert model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([index])
    assert bytes(mime.data(PARTICIPANT_MIME).data()).decode("utf-8") == "aud-09"
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDragEnabled


# ------------------------------------------------------------------ search
@pytest.mark.parametrize(
    "typed, expected",
    [
        ("ozturk", ["pan-1"]),
        ("OZTÜRK", ["pan-1"]),
        ("ibrahim celik", ["aud-12"]),
        ("nguyen huong", ["aud-01"]),
        ("кузнецова", ["aud-03"]),
        ("wisniewska", ["aud-05"]),
        ("weiss", ["mod-1"]),
        ("hainholz moderator", ["mod-1"]),
    ],
)
def test_search_ignores_case_and_accents(
    panel: ParticipantsPanel, qtbot: QtBot, typed: str, expected: list[str]
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.view.setFocus()
    assert QApplication.focusWidget() is panel.view
    panel.focus_search()
    assert QApplication.focusWidget() is panel.search  # the keys typed next land in the search field
    if typed.isascii():
        qtbot.keyClicks(QApplication.focusWidget(), typed)
    else:  # QTest cannot type outside Latin-1 (it aborts); an input method would insert the text like this
        panel.search.insert(typed)
    assert _shown_ids(panel) == expected
    assert panel.selected_participant_id() == expected[0]  # a single hit is selected, ready for Enter
    assert "1 of 17" in panel.count.text()
    panel.search.clear()
    assert len(_shown_ids(panel)) == 17


def test_sorting_by_speaking_time(panel: ParticipantsPanel) -> None:
    panel.view.sortByColumn(Model.SPEAKING_TIME, Qt.SortOrder.DescendingOrder)
    assert _shown_ids(panel)[:2] == ["pan-2", "pan-4"]
    panel.view.sortByColumn(Model.NAME, Qt.SortOrder.AscendingOrder)
    assert _shown_ids(panel)[0] == "aud-04"  # Ahmad Al-Sayed


def test_narrow_panel_gives_names_the_room(panel: ParticipantsPanel, qtbot: QtBot) -> None:
    assert not panel.view.isColumnHidden(Model.ORGANISATION)
    panel.resize(460, 400)
    qtbot.waitUntil(lambda: panel.view.isColumnHidden(Model.ORGANISATION))
    name_width = panel.view.columnWidth(Model.NAME)
    assert name_width >= panel.fontMetrics().horizontalAdvance("Małgorzata Wiśniewska")
    panel.resize(800, 400)
    qtbot.waitUntil(lambda: not panel.view.isColumnHidden(Model.ORGANISATION))


def test_turns_and_speaking_time_are_wide_enough_for_hours_from_the_start(
    panel: ParticipantsPanel, qtbot: QtBot
) -> None:
    """They are no longer measured at every tick, so their width must already hold the longest evening."""
    qtbot.waitExposed(panel)
    metrics = panel.view.fontMetrics()
    assert panel.view.columnWidth(Model.SPEAKING_TIME) >= metrics.horizontalAdvance("4:59:59") + 4
    assert panel.view.columnWidth(Model.TURNS) >= metrics.horizontalAdvance("999") + 4


# ------------------------------------------------------------------ add, edit, remove
def test_add_via_dialog_then_undo(panel: ParticipantsPanel, ctl: SessionController, qtbot: QtBot) -> None:
    dialog = panel.add_participant()
    assert dialog.isVisible()
    dialog.name.insert("  Đặng  Văn Lâm ")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PANELIST))
    qtbot.keyClicks(dialog.organisation, "Hochschule Hannover")
    assert dialog.group.completer().texts() == ["FLINTA*", "offen"]  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.group, "offen")
    dialog.consent.setChecked(True)
    qtbot.keyClicks(dialog.notes, "Mikrofon links")
    _ok(dialog)
    assert not dialog.isVisible()
    person = ctl.session.participants[len(ctl.session.participants) - 1]
    assert (person.name, person.role, person.organisation, person.group, person.consent_to_list, person.notes) == (
        "Đặng Văn Lâm",
        Role.PANELIST,
        "Hochschule Hannover",
        "offen",
        True,
        "Mikrofon links",
    )
    assert panel.selected_participant_id() == person.id
    assert "18 people" in panel.count.text()
    ctl.undo_stack.undo()
    assert not ctl.session.has_participant(person.id)


def test_dialog_shows_errors_inline_and_keeps_what_was_typed(
    panel: ParticipantsPanel, ctl: SessionController, qtbot: QtBot
) -> None:
    dialog = panel.add_participant()
    qtbot.keyClicks(dialog.organisation, "Verein")
    qtbot.keyClicks(dialog.bio, "Eine Kurzbio.")
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.name_error.isVisibleTo(dialog) and "name" in dialog.name_error.text()
    assert dialog.organisation.text() == "Verein" and dialog.bio.toPlainText() == "Eine Kurzbio."
    dialog.name.setText("X" * 301)
    _ok(dialog)
    assert "300" in dialog.name_error.text() and dialog.isVisible()
    assert len(ctl.session.participants) == 17 and ctl.undo_stack.count() == 0


def test_a_namesake_is_asked_about_once(panel: ParticipantsPanel, ctl: SessionController) -> None:
    dialog = panel.add_participant()
    dialog.name.setText("jurgen moller")  # Jürgen Möller, no organisation, is already on the list
    _ok(dialog)
    assert dialog.isVisible() and "Jürgen Möller is already on the list" in dialog.error.text()
    assert len(ctl.session.participants) == 17
    _ok(dialog)  # a second OK keeps both: people do share names
    assert not dialog.isVisible() and len(ctl.session.participants) == 18


def test_model_refusal_is_shown_in_the_dialog(panel: ParticipantsPanel, ctl: SessionController, qtbot: QtBot) -> None:
    panel.select_participant("pan-1")  # seated on a panel seat
    dialog = panel.edit_selected()
    assert dialog is not None and dialog.name.text() == "Prof. Dr. Şule Öztürk"
    dialog.role.setCurrentIndex(dialog.role.findData(Role.AUDIENCE))  # audience may not sit on the panel
    _ok(dialog)
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert "audience" in dialog.error.text()
    assert ctl.session.participant("pan-1").role is Role.PANELIST


def test_double_click_edits(panel: ParticipantsPanel, ctl: SessionController, qtbot: QtBot) -> None:
    panel.select_participant("aud-10")
    index = panel.view.currentIndex()
    rect = panel.view.visualRect(index)
    # A real double click is press, release, double-click; the view only accepts it on the pressed row.
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = panel.participant_dialog
    assert dialog is not None and dialog.isVisible() and dialog.name.text() == "Emre Kaya"
    dialog.organisation.setText("Leibniz Universität")
    dialog.consent.setChecked(True)
    _ok(dialog)
    person = ctl.session.participant("aud-10")
    assert person.organisation == "Leibniz Universität" and person.consent_to_list
    assert panel.selected_participant_id() == "aud-10"


def test_delete_key_asks_inline_then_removes_and_undo_restores(
    panel: ParticipantsPanel, ctl: SessionController, qtbot: QtBot
) -> None:
    panel.select_participant("aud-04")  # waiting in the queue
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.confirm_bar.isVisible()
    assert "Ahmad Al-Sayed" in panel.confirm_label.text() and "queue" in panel.confirm_label.text()
    assert ctl.session.has_participant("aud-04")  # nothing happens before the answer
    panel.confirm_button.click()
    assert not panel.confirm_bar.isVisible()
    assert not ctl.session.has_participant("aud-04")
    assert "aud-04" not in _shown_ids(panel)
    ctl.undo_stack.undo()
    assert ctl.session.has_participant("aud-04") and ctl.session.queue_position("aud-04") == 0
    assert "aud-04" in _shown_ids(panel)


def test_escape_cancels_the_removal(panel: ParticipantsPanel, ctl: SessionController, qtbot: QtBot) -> None:
    panel.select_participant("aud-08")
    panel.remove_button.click()
    assert panel.confirm_bar.isVisible()
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert not panel.confirm_bar.isVisible()
    panel.confirm_remove()  # a late click after cancelling does nothing
    assert ctl.session.has_participant("aud-08")


def test_queue_button_puts_the_selected_person_in_the_queue(panel: ParticipantsPanel, ctl: SessionController) -> None:
    assert not panel.queue_button.isEnabled()
    panel.select_participant("aud-05")
    assert panel.queue_button.isEnabled()
    panel.queue_button.click()
    assert ctl.session.queue_position("aud-05") == 3
    assert not panel.queue_button.isEnabled()  # already waiting: the button says so instead of failing
    assert "place 4" in panel.queue_button.toolTip()
    ctl.undo_stack.undo()
    assert panel.queue_button.isEnabled()
    panel.select_participant("pan-1")
    assert not panel.queue_button.isEnabled() and "circle" in panel.queue_button.toolTip()


def test_a_pause_or_a_next_announces_only_the_speakers_rows(ctl: SessionController, clock: FakeClock) -> None:
    """At 2,000 people a full-column announcement made every Space and Next slow: one or two rows move."""
    model = Model(ctl)
    ctl.start_turn("aud-01")
    model.index(0, Model.SPEAKING_TIME).data()  # a view has read the numbers
    rows: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda tl, br, _roles: rows.append((tl.row(), br.row(), tl.column())))
    clock.advance(3)
    assert ctl.toggle_timer()  # paused: the turn and its three seconds count now
    speaker = model.row_of("aud-01")
    assert rows == [(speaker, speaker, Model.TURNS)]
    rows.clear()
    model.refresh_live()  # nothing moved: nothing announced
    assert rows == []
    assert ctl.toggle_timer()  # running again
    assert rows == []  # what the list shows did not move
    clock.advance(2)
    ctl.next_free_chair()  # aud-01's turn is logged, aud-04's starts: only aud-01's numbers moved
    assert rows == [(speaker, speaker, Model.SPEAKING_TIME)]
    rows.clear()
    clock.advance(4)
    ctl.end_turn()
    assert rows == [(model.row_of("aud-04"), model.row_of("aud-04"), Model.TURNS)]


def test_the_list_counts_a_running_turn_when_it_is_paused_or_ends(ctl: SessionController, clock: FakeClock) -> None:
    """The list's numbers move with the moderator's keys, not with the clock: however late a view reads the
    speaker's cells they show the turn as it stood at its last start or pause, nothing of it before its time
    first stops (a list sorted by time keeps its order while someone speaks), and the cell and the column say so
    in their tooltips."""
    model = Model(ctl)
    row = model.row_of("aud-01")
    time, turns = model.index(row, Model.SPEAKING_TIME), model.index(row, Model.TURNS)
    ctl.start_turn("aud-01")
    clock.advance(40)
    assert (turns.data(), time.data()) == ("", "")  # as before the turn: nothing said yet
    assert "paused or ends" in turns.data(Qt.ItemDataRole.ToolTipRole)
    assert "paused or ends" in time.data(Qt.ItemDataRole.ToolTipRole)
    assert "paused or ends" in model.headerData(
        Model.SPEAKING_TIME, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert ctl.toggle_timer()  # paused
    clock.advance(30)
    assert (turns.data(), time.data()) == ("1", "0:40") and time.data(Qt.ItemDataRole.ToolTipRole) is None
    assert ctl.toggle_timer()  # on again
    clock.advance(5)
    assert time.data() == "0:40"
    assert ctl.end_turn()
    assert time.data() == "0:45" and time.data(Qt.ItemDataRole.ToolTipRole) is None


def test_a_cells_roles_come_in_one_call_and_the_same_as_asked_one_by_one(panel: ParticipantsPanel) -> None:
    """The delegate asks eight roles per cell at each layout pass and paint; the proxy answers them in one call
    into Python instead of 24 (a data() per role, each mapped through the list's index(), rowCount() and
    columnCount()): ~4,000 calls into Python before the first frame with 17 people (issue 29)."""
    import sys
    from types import FrameType

    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    proxy = panel.proxy
    delegate = panel.view.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    here = sys._getframe()
    entries: list[str] = []

    def watch(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_back is here:  # Python entered straight from Qt's C++
            entries.append(frame.f_code.co_name)

    for row in range(proxy.rowCount()):
        for column in (ParticipantTableModel.NAME, ParticipantTableModel.CONSENT, ParticipantTableModel.TURNS):
            index = proxy.index(row, column)
            option = QStyleOptionViewItem()
            entries.clear()
            sys.setprofile(watch)
            try:
                delegate.initStyleOption(option, index)
            finally:
                sys.setprofile(None)
            assert len(entries) <= 3, f"{len(entries)} calls into Python for one cell: {entries}"
            assert option.text == (index.data(Qt.ItemDataRole.DisplayRole) or "")
            alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if alignment is not None:
                assert int(option.displayAlignment.value) == alignment


def test_next_undo_and_redo_announce_every_row_whose_numbers_changed(ctl: SessionController, clock: FakeClock) -> None:
    """After a Next only the tallies that are new objects are compared (model/log_tally.py shares the rest):
    each row whose shown turns or speaking time moved must still be announced, through undo and redo too."""
    model = Model(ctl)
    ctl.start_turn("aud-01")
    clock.advance(40)

    def shown() -> dict[int, tuple[str, str]]:
        return {
            row: (model.index(row, Model.TURNS).data(), model.index(row, Model.SPEAKING_TIME).data())
            for row in range(model.rowCount())
        }

    announced: set[int] = set()
    model.dataChanged.connect(
        lambda tl, br, _roles: (
            announced.update(range(tl.row(), br.row() + 1))
            if tl.column() <= Model.SPEAKING_TIME and br.column() >= Model.TURNS
            else None
        )
    )
    steps: list[Callable[[], object]] = [
        ctl.next_free_chair,
        ctl.toggle_timer,  # aud-04's first seconds count
        ctl.undo_stack.undo,
        ctl.undo_stack.undo,
        ctl.undo_stack.redo,
        ctl.undo_stack.redo,
        ctl.undo_stack.undo,
    ]
    moved = 0
    for step in steps:
        before = shown()
        announced.clear()
        step()
        clock.advance(5)  # a running turn counts as it stood at its last start or pause: nothing to announce
        after = shown()
        changed = {row for row in after if after[row] != before[row]}
        moved += len(changed)
        assert changed <= announced, step
        full = speaking_stats([*ctl.session.log, *filter(None, [ctl.session.running_record(settled=True)])])
        for row in range(model.rowCount()):
            tally = full.of(model.participant(row).id)
            assert after[row] == ((str(tally.turns), format_duration(tally.seconds)) if tally.turns else ("", ""))
    assert moved >= 4  # the Next, the pause and their undoing and redoing moved numbers

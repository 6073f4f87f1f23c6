"""The chain editor: the moderator picks the queue's rules and sorts them, or takes a preset (issue 28, point 1).

Every step works from the keyboard: Tab between the preset, the two lists and the buttons; in the chain,
Ctrl+Up/Down (or Alt+Up/Down) moves the rule, Delete takes it out; in the other list, Enter or Insert adds it;
the buttons carry mnemonics. Arrival is not a rule to pick: it always decides last, and the chain says so on
its last line. OK applies the whole chain as one undo step; the console then hands the keyboard back to the
circle, so Space, N and Enter are the evening's keys again (issue 21).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import OrderingRule, RuleChain
from fishbowl_desktop.model.chain import CHAIN_RULES, preset_named, preset_of
from fishbowl_desktop.ui.widgets.chain_words import preset_items, rule_help, rule_name
from fishbowl_desktop.ui.widgets.form_error import error_label
from fishbowl_desktop.ui.widgets.sheet import style_dialog

RULE_ROLE = Qt.ItemDataRole.UserRole + 3
OWN_CHAIN = ""
"""The preset list's entry for a chain that is none of the presets."""


class RuleList(QListWidget):
    """A list of rules with the editor's keys."""

    keyAction = Signal(str)
    """"up", "down", "remove" or "add": what a key asked for."""

    def __init__(self, adds: bool):
        super().__init__()
        self._adds = adds
        """Enter and Insert add the rule (the list of rules not in use); in the chain, Enter is the dialog's OK."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        moving = mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if moving and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.keyAction.emit("up" if key == Qt.Key.Key_Up else "down")
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.keyAction.emit("remove")
            return
        if self._adds and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert) and not mods:
            self.keyAction.emit("add")
            return
        super().keyPressEvent(event)


class ChainEditor(QDialog):
    def __init__(
        self,
        controller: SessionController,
        parent: QWidget | None = None,
        *,
        chain: RuleChain | None = None,
        apply: bool = True,
    ):
        """`apply`: OK changes the session's order (one undo step); without it the caller reads `chosen()` (the
        event dialog applies the chain with its other settings, in its own step)."""
        super().__init__(parent)
        style_dialog(self)
        self._controller = controller
        self._apply = apply
        self.setWindowTitle(self.tr("Order of the queue"))
        self.setMinimumWidth(820)

        self.preset = QComboBox()
        for label, name in preset_items():
            self.preset.addItem(label, name)
        self.preset.addItem(self.tr("Your own order"), OWN_CHAIN)
        self.preset.activated.connect(self._preset_chosen)
        preset_label = QLabel(self.tr("&Preset:"))
        preset_label.setBuddy(self.preset)

        self.chain = RuleList(adds=False)
        self.chain.setAccessibleName(self.tr("Rules in use, first decides first"))
        self.chain.keyAction.connect(self._chain_key)
        self.unused = RuleList(adds=True)
        self.unused.setAccessibleName(self.tr("Rules not in use"))
        self.unused.keyAction.connect(self._unused_key)
        for lst in (self.chain, self.unused):
            lst.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            lst.setWordWrap(True)  # a long rule's name is read whole, never cut
            lst.currentItemChanged.connect(self._show_help)
        self.unused.itemDoubleClicked.connect(lambda _item: self.add_current())
        chain_label = QLabel(self.tr("&Rules, the first decides first:"))
        chain_label.setBuddy(self.chain)
        unused_label = QLabel(self.tr("Rules &not in use:"))
        unused_label.setBuddy(self.unused)
        self.arrival = QLabel(self.tr("Then always: arrival (whoever asked first)"))
        self.arrival.setObjectName("chainArrival")

        self.up = QPushButton(self.tr("Move &up"))
        self.up.setToolTip(self.tr("Ctrl+Up"))
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down = QPushButton(self.tr("Move do&wn"))
        self.down.setToolTip(self.tr("Ctrl+Down"))
        self.down.clicked.connect(lambda: self.move_current(1))
        self.remove = QPushButton(self.tr("&Take out"))
        self.remove.setToolTip(self.tr("Delete"))
        self.remove.clicked.connect(self.remove_current)
        self.add = QPushButton(self.tr("&Add to the chain"))
        self.add.setToolTip(self.tr("Enter or Insert"))
        self.add.clicked.connect(self.add_current)
        for button in (self.up, self.down, self.remove, self.add):
            button.setAutoDefault(False)  # Enter in a list is the list's; only OK is the dialog's default

        self.help = QLabel()
        self.help.setWordWrap(True)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(chain_label, 0, 0)
        grid.addWidget(unused_label, 0, 1)
        grid.addWidget(self.chain, 1, 0)
        grid.addWidget(self.unused, 1, 1)
        grid.addWidget(self.arrival, 2, 0)
        chain_buttons = QVBoxLayout()
        for b in (self.up, self.down, self.remove):
            chain_buttons.addWidget(b)
        grid.addLayout(chain_buttons, 3, 0)
        grid.addWidget(self.add, 3, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        top = QGridLayout()
        top.addWidget(preset_label, 0, 0)
        top.addWidget(self.preset, 0, 1)
        top.setColumnStretch(1, 1)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.help)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.set_chain(chain if chain is not None else controller.session.settings.ordering)
        self.chain.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ the chain as shown
    def chosen(self) -> RuleChain:
        return RuleChain(tuple(self.chain.item(i).data(RULE_ROLE) for i in range(self.chain.count())))

    def set_chain(self, chain: RuleChain, current: OrderingRule | None = None) -> None:
        for lst, rules in (
            (self.chain, chain.rules),
            (self.unused, tuple(r for r in CHAIN_RULES if r not in chain.rules)),
        ):
            lst.clear()
            for i, rule in enumerate(rules):
                name = rule_name(rule)
                item = QListWidgetItem(self.tr("{n}. {rule}").format(n=i + 1, rule=name) if lst is self.chain else name)
                item.setData(RULE_ROLE, rule)
                item.setToolTip(rule_help(rule))
                lst.addItem(item)
                if rule is current:
                    lst.setCurrentItem(item)
            if lst.currentItem() is None and lst.count():
                lst.setCurrentRow(0)
        self._show_help(self.chain.currentItem() or self.unused.currentItem())
        preset = preset_of(chain)
        self.preset.setCurrentIndex(self.preset.findData(preset.name if preset is not None else OWN_CHAIN))
        self._update_buttons()

    def _preset_chosen(self, index: int) -> None:
        preset = preset_named(str(self.preset.itemData(index)))
        if preset is not None:
            self.set_chain(preset.chain)

    # ------------------------------------------------------------------ editing
    def _current_rule(self, lst: QListWidget) -> OrderingRule | None:
        item = lst.currentItem()
        rule = item.data(RULE_ROLE) if item is not None else None
        return rule if isinstance(rule, OrderingRule) else None

    def move_current(self, step: int) -> None:
        rule = self._current_rule(self.chain)
        if rule is None:
            return
        rules = list(self.chosen().rules)
        i = rules.index(rule)
        j = i + step
        if 0 <= j < len(rules):
            rules[i], rules[j] = rules[j], rules[i]
            self.set_chain(RuleChain(tuple(rules)), rule)
        self.chain.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_current(self) -> None:
        rule = self._current_rule(self.chain)
        if rule is None:
            return
        row = self.chain.currentRow()
        self.set_chain(RuleChain(tuple(r for r in self.chosen().rules if r is not rule)))
        if self.chain.count():
            self.chain.setCurrentRow(min(row, self.chain.count() - 1))

    def add_current(self) -> None:
        rule = self._current_rule(self.unused)
        if rule is None:
            return
        row = self.unused.currentRow()
        self.set_chain(RuleChain((*self.chosen().rules, rule)), rule)
        self.chain.setCurrentRow(self.chain.count() - 1)
        if self.unused.count():
            self.unused.setCurrentRow(min(row, self.unused.count() - 1))

    def _chain_key(self, action: str) -> None:
        if action in ("up", "down"):
            self.move_current(-1 if action == "up" else 1)
        elif action == "remove":
            self.remove_current()

    def _unused_key(self, action: str) -> None:
        if action == "add":
            self.add_current()
            self.unused.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_help(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        rule = current.data(RULE_ROLE) if current is not None else None
        self.help.setText(rule_help(rule) if isinstance(rule, OrderingRule) else "")

    def _update_buttons(self) -> None:
        has_chain = self.chain.count() > 0
        for b in (self.up, self.down, self.remove):
            b.setEnabled(has_chain)
        self.add.setEnabled(self.unused.count() > 0)

    # ------------------------------------------------------------------ done
    def accept(self) -> None:
        if not self._apply:
            super().accept()
            return
        problems: list[str] = []
        self._controller.errorRaised.connect(problems.append)
        try:
            ok = self._controller.set_ordering(self.chosen())
        finally:
            self._controller.errorRaised.disconnect(problems.append)
        if not ok:
            self.error.setText(problems[0] if problems else self.tr("The order could not be changed."))
            self.error.show()
            return
        super().accept()

"""The queue's name cell in two lines: the name, and under it, smaller, why the person stands there.

A chain of rules is trusted when the moderator can read it working at a glance ("new voice · other group than
the last speaker"), without hovering. The reason wraps onto a further line rather than being cut at 1366×768;
the rows grow with it (`lines_for`), and the table asks again when the column's width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from fishbowl_desktop.ui.queue.queue_model import REASON_ROLE

PADDING = 4
_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def reason_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * 0.86))
    return font


class ReasonDelegate(QStyledItemDelegate):
    def __init__(self, view: QTableView, column: int):
        super().__init__(view)
        self._view = view
        self._column = column

    def _reason_rect(self, option: QStyleOptionViewItem, width: int, reason: str) -> QRect:
        metrics = QFontMetrics(reason_font(option.font))
        return metrics.boundingRect(QRect(0, 0, max(20, width - 2 * PADDING), 10_000), _FLAGS, reason)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        reason = index.data(REASON_ROLE)
        if not reason:
            return base
        width = self._view.columnWidth(self._column)
        name_height = QFontMetrics(option.font).height()
        height = PADDING + name_height + self._reason_rect(option, width, str(reason)).height() + PADDING
        return QSize(base.width(), max(base.height(), height))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        reason = index.data(REASON_ROLE)
        if not reason:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        name_metrics = QFontMetrics(opt.font)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, text_role))
        name_rect = QRect(rect.left(), rect.top(), rect.width(), name_metrics.height())
        elided = name_metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        small = reason_font(opt.font)
        painter.setFont(small)
        if not selected:  # quieter than the name, still well readable: 70 % of the text's colour on the base
            text, base = (
                opt.palette.color(group, QPalette.ColorRole.Text),
                opt.palette.color(group, QPalette.ColorRole.Base),
            )
            painter.setPen(
                QColor.fromRgbF(
                    0.7 * text.redF() + 0.3 * base.redF(),
                    0.7 * text.greenF() + 0.3 * base.greenF(),
                    0.7 * text.blueF() + 0.3 * base.blueF(),
                )
            )
        reason_rect = QRect(rect.left(), name_rect.bottom() + 1, rect.width(), rect.bottom() - name_rect.bottom())
        painter.drawText(reason_rect, _FLAGS, str(reason))
        painter.restore()

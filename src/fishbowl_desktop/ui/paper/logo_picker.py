"""The print dialog's logo row (issue 25, point 6): choose the funder's or organiser's logo, see it, remove it.

A file is checked the moment it is chosen (`documents.logo.check_logo`, the same check the export and the command
line make): a file that is not an image, one too large, an SVG that reaches outside itself is refused with a
sentence under the row, and the logo chosen before stays. The preview is drawn from the checked bytes, at about
the size the logo has on paper relative to the page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fishbowl_desktop.documents.logo import check_logo
from fishbowl_desktop.model import FishbowlError
from fishbowl_desktop.ui.widgets.elided import ElidedLabel

PREVIEW = QSize(120, 48)


class LogoPicker(QWidget):
    changed = Signal(str)
    """The logo's path, or "" once removed."""

    def __init__(self, path: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.path = ""
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.name = ElidedLabel(min_chars=12)
        """The chosen file's name (a long one is cut, whole in the tooltip)."""
        self.none = QLabel(self.tr("The handout and the sheet print without a logo."))
        """Without a logo: a sentence the moderator reads whole, wrapped to the dialog's width (hands.md)."""
        self.none.setWordWrap(True)
        self.none.setTextFormat(Qt.TextFormat.PlainText)
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.remove = QPushButton(self.tr("Re&move"))
        for button in (self.choose, self.remove):
            button.setAutoDefault(False)  # Enter in the print dialog continues, wherever the focus is
        self.problem = QLabel()
        """Why the last file chosen was refused; the logo before it stays."""
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.setVisible(False)
        self.files: QFileDialog | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.name)
        side.addWidget(self.none)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.choose.clicked.connect(self._ask)
        self.remove.clicked.connect(lambda: self._set("", None))
        if path:
            self.take(path)
        else:
            self._set("", None)

    def _ask(self) -> None:
        """A file dialog of its own, opened with `open()` (the console's loop keeps running)."""
        start = str(Path(self.path).parent) if self.path else ""
        self.files = QFileDialog(
            self,
            self.tr("Choose a logo"),
            start,
            self.tr("Images (*.png *.jpg *.jpeg *.svg)"),
        )
        self.files.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.files.fileSelected.connect(self.take)
        self.files.open()

    def take(self, path: str) -> bool:
        """Check the file and show it; a refused file leaves the logo as it was. Returns whether it was taken."""
        try:
            data = check_logo(path)
        except FishbowlError as exc:
            from fishbowl_desktop.controller.session_controller import translated_error

            self._refuse(translated_error(exc))
            return False
        pixmap = _pixmap(path, data)
        if pixmap.isNull():
            self.problem.setText(
                self.tr("The logo {name} cannot be drawn: the file is damaged.").format(name=Path(path).name)
            )
            self.problem.setVisible(True)
            return False
        self._set(path, pixmap)
        return True

    def _refuse(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.setVisible(True)
        top = self.window()
        if top is not self:  # the sentence takes lines of its own: the dialog grows, never hides it
            layout = top.layout()
            if layout is not None:
                layout.activate()
            top.resize(top.width(), max(top.height(), top.sizeHint().height()))

    def _set(self, path: str, pixmap: QPixmap | None) -> None:
        self.path = path
        self.problem.setVisible(False)
        self.remove.setEnabled(bool(path))
        if not path or pixmap is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
            self.name.setText("")
            self.name.setToolTip("")
        else:
            self.preview.setText("")
            self.preview.setPixmap(pixmap)
            self.name.setText(Path(path).name)
            self.name.setToolTip(path)
        self.name.setVisible(bool(path))
        self.none.setVisible(not path)
        self.changed.emit(path)


def _pixmap(path: str, data: bytes) -> QPixmap:
    if path.lower().endswith(".svg"):
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return QPixmap()
        size = renderer.defaultSize().scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(size if not size.isEmpty() else PREVIEW, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return QPixmap.fromImage(image)
    image = QImage.fromData(QByteArray(data))
    return QPixmap.fromImage(image).scaled(
        PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )

"""Where the save dialogs for paper (PDFs, CSV) open: the Documents folder, or the home folder on a laptop that has
none. Qt names `~/Documents` whether or not it exists, and a file dialog given a folder that does not exist opens
in the working folder, where nobody looks for the PDF afterwards."""

from __future__ import annotations

from pathlib import Path


def paper_folder() -> Path:
    from PySide6.QtCore import QStandardPaths  # asked when paper is saved: not made on the way to the first frame

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()

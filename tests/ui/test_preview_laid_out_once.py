"""The projector's preview lays the stage out once while the console is built and shown (issue 29, the first
frame's work): at the projector screen's size from the start, not first at 1920×1080 and then again at the
screen's size (each a layout of every text on the stage: title, topic, speaker, message)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.projector.render import ProjectorRenderer
from fishbowl_desktop.ui.projector.view import ProjectorPreview
from helpers.console import open_console


def test_the_preview_lays_out_the_stage_once_before_the_first_frame(
    ctl: SessionController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[tuple[int, int]] = []
    arrange = ProjectorRenderer.arrange

    def counted(self: ProjectorRenderer, *args: object, **kwargs: object) -> object:
        sizes.append((int(args[1]), int(args[2])))  # type: ignore[call-overload]
        return arrange(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ProjectorRenderer, "arrange", counted)
    window = open_console(ctl, qtbot, active=False)
    screen = window.projector.target_screen()
    assert screen is not None
    beamer = screen.geometry().size()
    assert (beamer.width(), beamer.height()) != (1920, 1080)  # else laying out at 1920×1080 first would be right
    window.preview_widget.grab()  # the first frame's paint of the miniature
    assert sizes == [(beamer.width(), beamer.height())], f"the stage was laid out at {sizes}"
    preview = window.preview_widget
    assert isinstance(preview, ProjectorPreview) and preview.logical_size() == beamer

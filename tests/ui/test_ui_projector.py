"""The projector's content, layout and privacy, in the main test process (one offscreen screen)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import FakeClock, Participant, Role, Session, TimerPhase
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.content import Badge, ProjectorContent, given_name
from fishbowl_desktop.ui.projector import Mode, ProjectorManager, ProjectorScene, ProjectorView, palette
from fishbowl_desktop.ui.projector.render import Arrangement, ProjectorRenderer
from fishbowl_desktop.ui.projector.textfit import FONT_FAMILIES, is_right_to_left
from fishbowl_desktop.ui.projector.view import ProjectorPreview
from helpers.hard_names import HARD_NAMES, full_name

LONG_NAME = "Maria-Magdalena Schönfeld-Hohenberger von Wittelsbach-Lüdenscheid"  # 60+ characters
ARABIC_NAME = "عبد الرحمن بن محمد الهاشمي القحطاني من جمعية الجالية العربية"
TURKISH_NAME = "Ayşegül Çağlayan-Öztürkoğlu İbrahimoğlu Şahinbaş Karagözoğlu"
SIZES = [(1920, 1080), (1280, 720), (1024, 768)]


class Rig:
    def __init__(self, session: Session, clock: FakeClock, settings: AppSettings | None = None):
        self.session, self.clock = session, clock
        self.controller = SessionController(session)
        self.ticker = TimerTicker(self.controller)
        self.scene = ProjectorScene(self.controller, self.ticker, SettingsStore(settings))
        self.view = ProjectorView(self.scene)

    def tick(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.ticker.poll()

    def rects_at(self, w: int, h: int) -> dict[str, QRectF]:
        self.view.resize(w, h)
        return self.view.layout_rects()

    def arrangement_at(self, w: int, h: int) -> Arrangement:
        self.view.resize(w, h)
        return self.view.arrangement()


@pytest.fixture
def rig(demo: Session, clock: FakeClock, qtbot: QtBot) -> Rig:
    r = Rig(demo, clock)
    qtbot.addWidget(r.view)
    return r


def _speaker(rig: Rig, name: str, consent: bool = True, organisation: str = "") -> None:
    """Put `name` on the free chair with the floor and a running timer."""
    person = Participant("x-1", name, Role.AUDIENCE, organisation=organisation, consent_to_list=consent)
    assert rig.controller.add_participant(person)
    assert rig.controller.unseat(4)
    assert rig.controller.seat("x-1", 4)
    assert rig.controller.start_turn("x-1")


def _inside(rect: QRectF, w: int, h: int) -> bool:
    return rect.left() >= 0 and rect.top() >= 0 and rect.right() <= w and rect.bottom() <= h


# ---------------------------------------------------------------------- states reach the projector
def test_states_reach_the_projector(rig: Rig) -> None:
    rig.controller.start_turn("aud-01")  # free chair: 2:00, warning at 0:30
    content = rig.scene.content()
    assert content.mode is Mode.TIMER and content.timer_text == "2:00" and content.badge is Badge.NONE
    assert content.speaker_name == "Nguyễn Thị Hương"
    assert content.topic == rig.session.topics()[0]

    rig.tick(95)
    content = rig.scene.content()
    assert content.timer_text == "0:25" and content.badge is Badge.WARNING
    assert content.badge_text == "letzte 30 Sekunden"  # true at 0:25 as well, unlike "noch 30 Sekunden"

    rig.tick(37)
    content = rig.scene.content()
    assert content.timer_text == "+0:12" and content.badge is Badge.OVERTIME and content.badge_text == "Zeit ist um"

    rig.controller.set_stage(message="Bitte zum Schluss kommen")
    assert rig.scene.content().message == "Bitte zum Schluss kommen"
    assert "message" in rig.rects_at(1920, 1080)

    rig.controller.toggle_timer()
    content = rig.scene.content()
    assert content.badge is Badge.PAUSED and content.badge_text == "Pause"  # paused in overtime says so
    assert content.phase is TimerPhase.OVERTIME and content.timer_text == "+0:12"  # red digits: still over
    arrangement = rig.arrangement_at(1920, 1080)
    assert arrangement.frame > 0 and arrangement.bar_color == palette.OVERTIME  # frame and bar stay overtime

    rig.controller.toggle_blank()
    content = rig.scene.content()
    assert content.mode is Mode.BLANK
    assert set(rig.rects_at(1920, 1080)) == {"title"}  # only the event title, no timer, no names
    rig.controller.toggle_blank()
    assert rig.scene.content().mode is Mode.TIMER


def test_warning_badge_names_the_configured_warning(rig: Rig) -> None:
    from dataclasses import replace

    rig.controller.set_settings(replace(rig.session.settings, warning_seconds=60))
    rig.controller.start_turn("aud-01")
    rig.tick(70)
    assert rig.scene.content().badge_text == "letzte Minute"


def test_warning_badge_never_contradicts_the_digits(rig: Rig) -> None:
    """At 0:23 the badge must not claim "30 seconds left": it names the stretch, true for every digit in it."""
    rig.controller.start_turn("aud-01")  # 2:00, warning at 0:30
    seen = set()
    rig.tick(89)
    for _ in range(30):
        rig.tick(1)
        content = rig.scene.content()
        if content.badge is Badge.WARNING:
            seen.add(content.badge_text)
            assert "noch" not in content.badge_text
    assert seen == {"letzte 30 Sekunden"}


def test_black_blank_shows_nothing_at_all(demo: Session, clock: FakeClock, qtbot: QtBot) -> None:
    rig = Rig(demo, clock, AppSettings(projector_black_blank=True))
    qtbot.addWidget(rig.view)
    rig.controller.start_turn("aud-01")
    rig.controller.toggle_blank()
    content = rig.scene.content()
    assert content.mode is Mode.BLANK and content.black and content.title == ""
    assert rig.rects_at(640, 360) == {}
    image = rig.view.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 640, 16) for y in range(0, 360, 16)}
    assert colours == {"#000000"}  # truly black: not the near-black ground, no dimmed title
    rig.scene.store.set_settings(AppSettings())  # the default blank keeps the dimmed title
    assert rig.scene.content().title and not rig.scene.content().black


def test_overtime_frame_flashes_with_the_seconds_unless_switched_off(demo: Session, clock: FakeClock) -> None:
    flashing = Rig(demo, clock)
    steady = Rig(demo, clock, AppSettings(projector_flash_overtime=False))
    flashing.controller.start_turn("aud-01")  # 2:00
    seen: list[tuple[bool, bool]] = []
    for step in (121.2, 1.0, 1.0):
        flashing.tick(step)
        steady.ticker.poll()
        assert flashing.scene.content().badge is Badge.OVERTIME
        seen.append((flashing.scene.content().frame_on, steady.scene.content().frame_on))
    assert [f for f, _ in seen] in ([True, False, True], [False, True, False])
    assert all(s for _, s in seen)


def test_countdown_before_the_start_in_the_events_language(rig: Rig) -> None:
    rig.session.restore(replace(rig.session.snapshot(), log=()))  # before the first turn (the demo has six)
    rig.controller.set_stage(countdown_to=rig.clock.now() + timedelta(minutes=5))
    content = rig.scene.content()
    assert content.mode is Mode.COUNTDOWN
    assert content.countdown_label == "Wir beginnen in" and content.countdown_text == "5:00"
    rig.tick(1.0)
    assert rig.scene.content().countdown_text == "4:59"
    rig.controller.set_event(rig.session.event.with_changes(language="en"))
    assert rig.scene.content().countdown_label == "We begin in"
    rig.controller.start_turn("aud-01")  # a running turn wins over the countdown
    assert rig.scene.content().mode is Mode.TIMER
    rig.controller.end_turn()  # after a turn the countdown is for a break
    assert rig.scene.content().countdown_label == "We continue in"


def test_english_event_shows_english_texts(rig: Rig) -> None:
    rig.controller.set_event(rig.session.event.with_changes(language="en"))
    rig.controller.start_turn("aud-01")
    rig.tick(95)
    content = rig.scene.content()
    assert content.badge_text == "last 30 seconds" and content.next_text.startswith("Next:")
    rig.tick(40)
    assert rig.scene.content().badge_text == "Time is up"


def test_next_on_the_free_chair_follows_count_and_first_names(demo: Session, clock: FakeClock) -> None:
    rig = Rig(demo, clock, AppSettings(projector_next_count=2))
    text = rig.scene.content().next_text
    assert "Ahmad Al-Sayed" in text and "Ольга Кузнецова" in text and "Çelik" not in text
    rig.scene.store.set_settings(AppSettings(projector_next_count=3, projector_first_names_only=True))
    text = rig.scene.content().next_text
    assert "Ahmad" in text and "Al-Sayed" not in text and "İbrahim" in text and "Çelik" not in text
    rig.controller.dequeue("aud-04")
    assert "Ahmad" not in rig.scene.content().next_text


# ---------------------------------------------------------------------- privacy
def test_non_consenting_people_never_appear_by_name(rig: Rig) -> None:
    assert rig.controller.dequeue("aud-04")
    assert rig.controller.enqueue("aud-06")  # Γιώργος Παπαδόπουλος, no consent
    assert rig.controller.move_in_queue(len(rig.session.queue) - 1, 0)
    _speaker(rig, "Emre Kaya-Yıldız", consent=False, organisation="Geheimer Verein")
    content = rig.scene.content()
    shown = " ".join(str(v) for v in vars(content).values())
    for secret in ("Παπαδόπουλος", "Γιώργος", "Kaya", "Emre", "Geheimer Verein"):
        assert secret not in shown
    assert content.speaker_name == "Gast" and content.next_text.startswith("Als Nächstes: \u2068Gast")
    assert "Möchte zum Thema" not in shown  # private notes of aud-02 never leave the model


def test_given_name_skips_titles_and_respects_surname_first_commas() -> None:
    assert given_name("Prof. Dr. Şule Öztürk") == "Şule"
    assert given_name("Öztürk, Şule") == "Şule"
    assert given_name("Jürgen Möller") == "Jürgen"


# ---------------------------------------------------------------------- readability
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", [LONG_NAME, ARABIC_NAME, TURKISH_NAME])
def test_timer_and_long_names_stay_inside_the_window(rig: Rig, size: tuple[int, int], name: str) -> None:
    assert len(name) >= 60
    _speaker(rig, name, organisation="Verein für interkulturelle Nachbarschaftshilfe Hannover-Nord e. V.")
    rig.controller.set_stage(message="Bitte zum Schluss kommen – noch eine Wortmeldung, dann die Abschlussrunde")
    rig.tick(100)  # warning: badge and message side by side
    w, h = size
    rects = rig.rects_at(w, h)
    for key in ("timer", "name", "detail", "next", "topic", "message", "badge"):
        assert key in rects, key
        assert _inside(rects[key], w, h), (key, rects[key])
    block = rig.view.arrangement().blocks["name"][0]
    assert not block.elided and block.line_count <= 2
    assert block.pixel_size >= 0.03 * h
    # Nothing overlaps the digits.
    for key in ("name", "message", "badge", "topic"):
        assert not rects[key].intersects(rects["timer"]), key


@pytest.mark.parametrize("size", SIZES)
def test_unbreakable_and_absurd_names_are_broken_or_elided_never_clipped(rig: Rig, size: tuple[int, int]) -> None:
    w, h = size
    _speaker(rig, "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft")  # one 67-letter word
    rects = rig.rects_at(w, h)
    assert _inside(rects["name"], w, h)
    rig.controller.update_participant(rig.session.participant("x-1").with_changes(name="Ana " * 75))
    rects = rig.rects_at(w, h)
    block = rig.view.arrangement().blocks["name"][0]
    assert _inside(rects["name"], w, h) and block.elided and block.line_count <= 2  # the last resort


def test_right_to_left_names_lay_out_right_to_left(rig: Rig) -> None:
    _speaker(rig, ARABIC_NAME)
    rig.rects_at(1920, 1080)
    layout = rig.view.arrangement().blocks["name"][0].layout
    assert layout.textOption().textDirection() is Qt.LayoutDirection.RightToLeft
    assert is_right_to_left(ARABIC_NAME) and not is_right_to_left("Ayşe Demir") and is_right_to_left("123 ليلى")


@pytest.mark.parametrize("elapsed", [1.0, 100.0, 132.0, 700.0])  # 1:59, warning, +0:12, +9:40
def test_digits_are_at_least_35_percent_of_a_1080p_screen(rig: Rig, elapsed: float) -> None:
    rig.controller.start_turn("aud-01")
    rig.tick(elapsed)
    rects = rig.rects_at(1920, 1080)
    assert rects["timer"].height() >= 0.35 * 1080, rig.scene.content().timer_text
    assert _inside(rects["timer"], 1920, 1080)


# ---------------------------------------------------------------------- cheap painting
def test_repaints_only_when_something_shown_changes(rig: Rig, qtbot: QtBot) -> None:
    rig.controller.start_turn("aud-01")
    rig.view.resize(960, 540)
    rig.view.show()
    qtbot.waitExposed(rig.view)
    QApplication.processEvents()
    painted = rig.view.paint_count
    rig.tick(0.3)  # same second on screen
    rig.controller.set_stage(message="")  # stage "changed" to what it already was
    rig.controller.enqueue("aud-05")  # fourth in the queue: beyond the three shown
    QApplication.processEvents()
    assert rig.view.paint_count == painted
    rig.tick(1.0)  # the shown second changes
    QApplication.processEvents()
    assert rig.view.paint_count > painted


def test_the_window_and_the_preview_lay_out_once_per_change_and_size(
    rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ask for their layout at every paint and every check of what changed; it is computed once per new
    content or size, for each of them (`ProjectorRenderer.arranged`)."""
    sizes: list[tuple[int, int]] = []
    real = ProjectorRenderer.arrange

    def counted(renderer: ProjectorRenderer, content: ProjectorContent, width: int, height: int) -> Arrangement:
        sizes.append((width, height))
        return real(renderer, content, width, height)

    monkeypatch.setattr(ProjectorRenderer, "arrange", counted)
    preview = ProjectorPreview(rig.scene)  # lays itself out as it is made, at the beamer's size
    qtbot.addWidget(preview)
    rig.view.resize(960, 540)
    shown, small = rig.view.arrangement(), preview.arrangement()
    assert rig.view.arrangement() is shown and preview.arrangement() is small
    assert sizes == [(1920, 1080), (960, 540)]

    sizes.clear()
    rig.controller.start_turn("aud-01")  # new content: each lays out again, once
    QApplication.processEvents()
    for _ in range(3):
        assert rig.view.arrangement() is rig.view.arrangement() is not shown
        assert preview.arrangement() is not small
    assert sorted(sizes) == [(960, 540), (1920, 1080)]

    sizes.clear()
    rig.view.resize(800, 450)  # a new size: the window again, the preview not
    rig.view.arrangement()
    preview.arrangement()
    assert sizes == [(800, 450)]


# ---------------------------------------------------------------------- manager on a single screen
def test_single_screen_opens_a_normal_resizable_window(demo: Session, qtbot: QtBot) -> None:
    controller = SessionController(demo)
    manager = ProjectorManager(controller, TimerTicker(controller), SettingsStore())
    manager.show_projector()
    window = manager.window()
    qtbot.addWidget(window)
    assert manager.is_visible()
    assert not window.is_fullscreen_mode and not window.isFullScreen()
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    manager.toggle_projector()
    assert not manager.is_visible()


def test_preview_keeps_the_projectors_aspect_ratio(demo: Session, qtbot: QtBot) -> None:
    from PySide6.QtCore import QSize

    controller = SessionController(demo)
    manager = ProjectorManager(controller, TimerTicker(controller), SettingsStore())
    preview = manager.preview_widget()
    assert isinstance(preview, ProjectorPreview)
    qtbot.addWidget(preview)
    assert manager.preview_widget() is preview
    preview.set_logical_size(QSize(1920, 1080))
    assert preview.heightForWidth(320) == 180
    preview.resize(400, 400)
    target = preview.target_rect()
    assert (round(target.width()), round(target.height())) == (400, 225)
    image = preview.grab()
    assert image.width() == 400


# ---------------------------------------------------------------------- every script on the beamer
@pytest.mark.parametrize("script", [entry[0] for entry in HARD_NAMES])
def test_a_name_in_every_script_is_drawn_inside_the_window(rig: Rig, script: str) -> None:
    """The shipped faces are registered with Qt and named in the font's family list, so a laptop without
    Chinese, Devanagari or Thai fonts draws the name (measured, hence never overlapping the next line)."""
    name = full_name(script)
    _speaker(rig, name, organisation="Verein für Nachbarschaftshilfe")
    rig.controller.enqueue("aud-05")
    w, h = 1280, 720
    rects = rig.rects_at(w, h)
    block = rig.view.arrangement().blocks["name"][0]
    assert not block.elided and _inside(rects["name"], w, h)
    assert not rects["name"].intersects(rects["next"]) and not rects["name"].intersects(rects["timer"])
    families = block.layout.font().families()
    assert families[: len(FONT_FAMILIES)] == FONT_FAMILIES
    present = set(QFontDatabase.families())
    assert all(family in present for family in FONT_FAMILIES)
    for char in name.replace(" ", "").replace("\u200c", ""):
        assert any(QFontMetricsF(QFont(family)).inFontUcs4(ord(char)) for family in FONT_FAMILIES), (script, char)


def test_every_shipped_face_is_loaded_into_qt_on_a_laptop_that_lacks_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every face the console and the projector use; the faces only the paper needs (Khmer, Tibetan, … issue 25)
    are not loaded at start (`font_catalogue.PAPER_ONLY_FACES`)."""
    from fishbowl_desktop.font_catalogue import FACES
    from fishbowl_desktop.ui.projector import textfit

    loaded: dict[str, int] = {}
    real_add = QFontDatabase.addApplicationFont

    def add(path: str) -> int:
        loaded[Path(path).name] = real_add(path)
        return loaded[Path(path).name]

    monkeypatch.setattr(textfit, "_fonts_checked", False)
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *args: []))
    monkeypatch.setattr(QFontDatabase, "addApplicationFont", staticmethod(add))
    textfit.ensure_fonts()
    assert set(loaded) == {name for face in FACES for name in (face.regular, face.bold)}
    assert all(font_id >= 0 for font_id in loaded.values()), loaded  # Qt could read every file


def test_the_fitted_texts_kept_stay_few_and_the_ones_on_screen_stay_kept(qtbot: QtBot) -> None:
    """Each fitted text block holds its laid-out glyphs in Qt's memory (~7 KiB): keeping 512 of them made a long
    evening's memory grow by several MiB (the soak). Now at most CACHE_LIMIT are kept, the least recently used
    going first, so the texts on screen, used at every paint, are never the ones dropped."""
    from fishbowl_desktop.ui.projector import render

    renderer = render.ProjectorRenderer()
    box = (100.0, 600.0, 1700.0, 300.0)
    on_screen = renderer._text("Şule Öztürk", box, 120, 40)
    for i in range(render.CACHE_LIMIT * 3):
        renderer._text(f"Nächste Runde {i}", box, 120, 40)
        assert renderer._text("Şule Öztürk", box, 120, 40) is on_screen  # painted again each time: kept
    assert len(render._TEXTS) <= render.CACHE_LIMIT

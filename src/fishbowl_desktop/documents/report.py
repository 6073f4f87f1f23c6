"""The report for the organisers after the evening: who spoke when and how long, and the balance of voices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from fishbowl_desktop.documents.fonts import REGULAR
from fishbowl_desktop.documents.layout import CONTENT_WIDTH, RULE, TINT, Sheet
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.people import listed, printed_name
from fishbowl_desktop.documents.source import DocumentSource
from fishbowl_desktop.documents.text import duration, markup
from fishbowl_desktop.model import SeatKind, SpeakerTally, SpeechRecord, is_accidental, speaking_stats, whole_seconds
from fishbowl_desktop.model.roles import STATISTICS_ORDER


def _accidental(src: DocumentSource, options: PrintOptions) -> set[int]:
    """Indexes of finished turns shorter than the threshold: a seat taken by mistake, a timer started twice."""
    last = len(src.records) - 1
    return {
        i
        for i, r in enumerate(src.records)
        if is_accidental(r, options.short_turn_seconds) and not (src.running and i == last)
    }


def build_report(src: DocumentSource, sheet: Sheet, options: PrintOptions | None = None) -> list[Flowable]:
    options = options or PrintOptions()
    event, w, st = src.event, sheet.words, sheet.styles
    story: list[Flowable] = [
        Paragraph(w("report_title"), st.subtitle),
        sheet.user(event.title, st.title, w("field_title")),
    ]
    line = sheet.event_line(event)
    if line:
        story.append(Paragraph(line, st.body))
    funding = []
    for text, key, field_key in (
        (event.organiser, None, "field_organiser"),
        (event.programme, "programme", "field_programme"),
        (event.funding_reference, "funding", "field_funding"),
    ):
        if text.strip():
            shown = markup(sheet.printable(text, w(field_key)))
            funding.append(w(key, text=shown) if key else f"{w('field_organiser')}: {shown}")
    if funding:
        story.append(Paragraph(" · ".join(funding), st.body))
    if src.created is not None:
        story.append(
            Paragraph(w("created", date=f"{w.short_date(src.created.date())} {w.clock(src.created)}"), st.small)
        )
    story += _programme(src, sheet)

    accidental = _accidental(src, options)
    counted = [r for i, r in enumerate(src.records) if i not in accidental]
    stats = speaking_stats(counted)
    overtime = sum(r.overtime for r in counted)
    people_listed = len(listed(src.participants))
    summary = [
        (w("registered"), str(len(src.participants))),
        (w("listed"), str(people_listed)),
        (w("unlisted"), str(len(src.participants) - people_listed)),
        (w("turns_total"), str(len(counted))),
        (w("time_total"), duration(stats.total_seconds)),
        (w("free_chair_turns"), str(stats.free_chair_turns)),
        (w("overtime_total"), duration(overtime)),
    ]
    story += [
        Paragraph(w("summary"), st.heading),
        _grid(
            [[Paragraph(label, st.cell), Paragraph(value, st.cell_bold)] for label, value in summary],
            [70 * mm, 30 * mm],
            head=False,
        ),
    ]
    if accidental:
        story.append(
            Paragraph(w("short_turns", seconds=f"{options.short_turn_seconds:g}", count=len(accidental)), st.small)
        )

    total = stats.total_seconds
    story += [
        Paragraph(w("by_person"), st.heading),
        _tally_table(sheet, w("col_speaker"), _by_person(src, sheet, counted), total),
    ]
    roles = [(w.role(r), stats.by_role[r]) for r in STATISTICS_ORDER if r in stats.by_role]
    story += [Paragraph(w("by_role"), st.heading), _tally_table(sheet, w("col_role"), roles, total)]
    groups = sorted(stats.by_group.items(), key=lambda item: (item[0] == "", item[0].casefold()))
    if any(name for name, _ in groups):
        for name, _ in groups:
            sheet.check(name, w("col_group"))
        rows = [
            (markup(sheet.printable(name, w("col_group"))) if name else w("no_group"), tally) for name, tally in groups
        ]
        story += [Paragraph(w("by_group"), st.heading), _tally_table(sheet, w("col_group"), rows, total)]

    # The log may run for pages: it starts right here (with room for a few rows) instead of being kept
    # together with its heading, which would push all of it to a fresh page.
    story += [CondPageBreak(40 * mm), Paragraph(w("log"), st.heading_loose), _log(src, sheet, accidental)]
    story += _notes(src, sheet)
    return story


def _grid(rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float], *, head: bool = True) -> Table:
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if head else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no unused Helvetica in the PDF
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), TINT))
    table.setStyle(TableStyle(commands))
    return table


def _tally_table(sheet: Sheet, label: str, rows: Sequence[tuple[str, SpeakerTally]], total: float) -> Table:
    w, st = sheet.words, sheet.styles
    heads = [label, w("col_turns"), w("col_time"), w("col_share")]
    data: list[list[Flowable | str]] = [[Paragraph(text, st.head_cell) for text in heads]]
    for name, tally in rows:
        share = f"{100 * tally.seconds / total:.0f} %" if total > 0 else "–"
        data.append(
            [
                Paragraph(name, st.cell),
                Paragraph(str(tally.turns), st.cell),
                Paragraph(duration(tally.seconds), st.cell),
                Paragraph(share, st.cell),
            ]
        )
    return _grid(data, [70 * mm, 25 * mm, 30 * mm, 25 * mm])


def _programme(src: DocumentSource, sheet: Sheet) -> list[Flowable]:
    """The agenda and the guiding questions: what the evening set out to discuss, as the funder reads it."""
    event, w, st = src.event, sheet.words, sheet.styles
    story: list[Flowable] = []
    if event.agenda:
        story.append(Paragraph(w("agenda"), st.heading))
        for number, item in enumerate(event.agenda, start=1):
            title = markup(sheet.printable(item.title, w("field_agenda", number=number)))
            minutes = f" ({w('minutes', minutes=item.minutes)})" if item.minutes else ""
            story.append(Paragraph(title + minutes, st.numbered, bulletText=f"{number}."))
    if event.guiding_questions:
        story.append(Paragraph(w("questions"), st.heading))
        for number, question in enumerate(event.guiding_questions, start=1):
            text = markup(sheet.printable(question, w("field_question", number=number)))
            story.append(Paragraph(text, st.numbered, bulletText=f"{number}."))
    return story


def _by_person(src: DocumentSource, sheet: Sheet, counted: Sequence[SpeechRecord]) -> list[tuple[str, SpeakerTally]]:
    """Listed people by name, most time first; everyone not listed (or removed) together in one row each
    for guests and removed people, so no one is singled out who did not agree to be named."""
    w = sheet.words
    by_id = {p.id: p for p in src.participants}
    named: dict[str, SpeakerTally] = {}
    hidden: dict[str, SpeakerTally] = {}
    for record in counted:
        name, real = printed_name(by_id, record.participant_id, w)
        key = markup(sheet.printable(name, name)) if real else name
        bucket = (named if real else hidden).setdefault(key, SpeakerTally())
        bucket.turns += 1
        bucket.seconds += record.duration
    rows = sorted(named.items(), key=lambda item: (-item[1].seconds, item[0].casefold()))
    return rows + sorted(hidden.items())


def _log(src: DocumentSource, sheet: Sheet, accidental: set[int]) -> Flowable:
    w, st = sheet.words, sheet.styles
    if not src.records:
        return Paragraph(w("no_turns"), st.body)
    by_id = {p.id: p for p in src.participants}
    data: list[list[Flowable | str]] = [
        [
            Paragraph(w(key), st.head_cell)
            for key in ("col_date", "col_clock", "col_speaker", "col_seat", "col_duration", "col_overtime")
        ]
    ]
    for index, record in enumerate(src.records):
        name, real = printed_name(by_id, record.participant_id, w)
        speaker = sheet.user(name, st.cell, name) if real else Paragraph(name, st.cell_small)
        seat = w("seat_free") if record.seat_kind is SeatKind.FREE else w("seat_panel", number=record.seat_index + 1)
        length = duration(record.duration)
        if src.running and index == len(src.records) - 1:
            length += f" ({w('running')})"
        if index in accidental:
            length += f" ({w('short_mark')})"
        data.append(
            [
                Paragraph(w.short_date(record.started_at.date()), st.cell),
                Paragraph(w.clock(record.started_at), st.cell),
                speaker,
                Paragraph(seat, st.cell),
                Paragraph(length, st.cell),
                Paragraph(f"+{duration(record.overtime)}" if whole_seconds(record.overtime) else "–", st.cell),
            ]
        )
    return _grid(data, [25 * mm, 18 * mm, CONTENT_WIDTH - 125 * mm, 24 * mm, 34 * mm, 24 * mm])


def _notes(src: DocumentSource, sheet: Sheet) -> list[Flowable]:
    """The moderator's notes on the evening (set in the event dialog). Notes on people stay private:
    they are the moderator's working memory and never go on paper."""
    w, st = sheet.words, sheet.styles
    notes = src.event.report_notes.strip()
    if not notes:
        return []
    notes = sheet.printable(notes, w("mod_notes"))
    paragraphs = [Paragraph(markup(part), st.body) for part in notes.split("\n") if part.strip()]
    return [Paragraph(w("mod_notes"), st.heading), *paragraphs]

"""The report for the organisers after the evening: the data for templates/report.typ.

Who spoke when and how long, and the balance of voices, as a funder reads it: tallied per person (two people
who print under the same name keep a row each, told apart by their organisation or a number), per role and
per group, with shares that add up to 100 %. Turns shorter than the threshold count as accidental, judged by
the duration as printed, so “0:05” is never marked “under 5 s”.
"""

from __future__ import annotations

from collections.abc import Sequence

from fishbowl_desktop.documents.entries import Entries, Entry, right_to_left
from fishbowl_desktop.documents.equity_page import equity_page
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.people import listed
from fishbowl_desktop.documents.source import DocumentSource
from fishbowl_desktop.documents.text import Words, duration
from fishbowl_desktop.model import (
    Participant,
    SeatKind,
    SpeakerTally,
    SpeechRecord,
    is_accidental,
    speaking_stats,
    whole_seconds,
)
from fishbowl_desktop.model.roles import STATISTICS_ORDER
from fishbowl_desktop.model.shares import percent_text, whole_percentages


def accidental_turns(src: DocumentSource, options: PrintOptions) -> set[int]:
    """Indexes of finished turns shorter than the threshold (a seat taken by mistake, a timer started twice),
    in whole seconds as printed."""
    last = len(src.records) - 1
    return {
        i
        for i, r in enumerate(src.records)
        if is_accidental(r, options.short_turn_seconds) and not (src.running and i == last)
    }


def shares(seconds: Sequence[float], total: float, language: str) -> list[str]:
    """Whole percentages that add up to 100 (largest remainder), so a funder's sum is not 103 %, printed as the
    paper's language writes them (`model.shares`, the same as the console's statistics)."""
    whole = whole_percentages(seconds, total)
    if whole is None:
        return ["–"] * len(seconds)
    return [percent_text(n, language) for n in whole]


def report_data(src: DocumentSource, entries: Entries, options: PrintOptions) -> dict[str, object]:
    event, w = src.event, entries.words
    accidental = accidental_turns(src, options)
    counted = [r for i, r in enumerate(src.records) if i not in accidental]
    stats = speaking_stats(counted)
    people_listed = len(listed(src.participants))
    summary = [
        (w("registered"), str(len(src.participants))),
        (w("listed"), str(people_listed)),
        (w("unlisted"), str(len(src.participants) - people_listed)),
        (w("turns_total"), str(len(counted))),
        (w("time_total"), duration(stats.total_seconds)),
        (w("free_chair_turns"), str(stats.free_chair_turns)),
        (w("overtime_total"), duration(sum(r.overtime for r in counted))),
    ]
    total = stats.total_seconds
    tallies = [_tally(w, w("by_person"), w("col_speaker"), _by_person(src, entries, counted), total)]
    roles: list[tuple[Entry, SpeakerTally]] = [
        (w.role(r), stats.by_role[r]) for r in STATISTICS_ORDER if r in stats.by_role
    ]
    tallies.append(_tally(w, w("by_role"), w("col_role"), roles, total))
    groups = sorted(stats.by_group.items(), key=lambda item: (item[0] == "", item[0].casefold()))
    if any(name for name, _ in groups):
        rows = [(entries.typed(name, w("col_group")) if name else w("no_group"), tally) for name, tally in groups]
        tallies.append(_tally(w, w("by_group"), w("col_group"), rows, total))
    created = None
    if src.created is not None:
        created = w("created", date=f"{w.short_date(src.created.date())} {w.clock(src.created)}")
    return {
        "lang": w.language,
        "words": {
            "page-of": w("page_of", page="{page}", pages="{pages}"),
            "kicker": w("report_title"),
            "agenda": w("agenda"),
            "questions": w("questions"),
            "summary": w("summary"),
            "notes": w("mod_notes"),
        },
        "title": entries.typed(event.title, w("field_title")),
        "line": _event_line(src, entries),
        "funding": _funding(src, entries),
        "funding-note": entries.typed(event.funding_note, w("field_funding_note"))
        if event.funding_note.strip()
        else None,
        "created": created,
        "agenda": [_agenda_item(src, entries, n) for n in range(len(event.agenda))],
        "questions": [
            entries.typed(q, w("field_question", number=n)) for n, q in enumerate(event.guiding_questions, start=1)
        ],
        "summary": summary,
        "short-note": w("short_turns", seconds=f"{options.short_turn_seconds:g}", count=len(accidental))
        if accidental
        else None,
        "tallies": tallies,
        "equity": equity_page(src, entries, options),
        "log": {
            "heading": w("log"),
            "empty": w("no_turns"),
            "head": [
                w(k) for k in ("col_date", "col_clock", "col_speaker", "col_seat", "col_duration", "col_overtime")
            ],
            "rows": _log(src, entries, accidental),
        },
        "notes": [
            entries.typed(part, w("mod_notes")) for part in event.report_notes.strip().split("\n") if part.strip()
        ],
    }


def _event_line(src: DocumentSource, entries: Entries) -> list[Entry]:
    event, w = src.event, entries.words
    parts: list[Entry] = [w.when(event)] if w.when(event) else []
    for text, who in ((event.venue_name, w("field_venue")), (event.venue_address, w("field_address"))):
        if text.strip():
            parts.append(entries.typed(text.replace("\n", ", "), who))
    return parts


def _funding(src: DocumentSource, entries: Entries) -> list[Entry]:
    event, w = src.event, entries.words
    parts: list[Entry] = []
    if event.organiser.strip():
        parts.append(f"{w('field_organiser')}: {entries.plain(event.organiser, w('field_organiser'))}")
    if event.programme.strip():
        parts.append(w("programme", text=entries.plain(event.programme, w("field_programme"))))
    if event.funding_reference.strip():
        parts.append(w("funding", text=entries.plain(event.funding_reference, w("field_funding"))))
    return parts


def _agenda_item(src: DocumentSource, entries: Entries, index: int) -> Entry:
    item, w = src.event.agenda[index], entries.words
    title = entries.plain(item.title, w("field_agenda", number=index + 1))
    text = title + (f" ({w('minutes', minutes=item.minutes)})" if item.minutes else "")
    return _entry(text)


def _tally(
    w: Words, heading: str, label: str, rows: Sequence[tuple[Entry, SpeakerTally]], total: float
) -> dict[str, object]:
    percent = shares([tally.seconds for _, tally in rows], total, w.language)
    return {
        "heading": heading,
        "head": [label, w("col_turns"), w("col_time"), w("col_share")],
        "rows": [
            [name, str(tally.turns), duration(tally.seconds), share]
            for (name, tally), share in zip(rows, percent, strict=True)
        ],
    }


def _by_person(
    src: DocumentSource, entries: Entries, counted: Sequence[SpeechRecord]
) -> list[tuple[Entry, SpeakerTally]]:
    """Listed people by person (not by printed name), most time first; everyone not listed together in one
    row, and everyone removed in another, so no one is singled out who did not agree to be named."""
    w = entries.words
    by_id = {p.id: p for p in src.participants}
    named: dict[str, SpeakerTally] = {}
    hidden: dict[str, SpeakerTally] = {}
    for record in counted:
        person = by_id.get(record.participant_id)
        if person is not None and person.consent_to_list:
            bucket = named.setdefault(person.id, SpeakerTally())
        else:
            bucket = hidden.setdefault(w("unknown") if person is None else w("guest"), SpeakerTally())
        bucket.turns += 1
        bucket.seconds += record.duration
    names = _told_apart([by_id[i] for i in named], entries)
    order = sorted(named.items(), key=lambda item: (-item[1].seconds, names[item[0]].casefold()))
    rows: list[tuple[Entry, SpeakerTally]] = [(_entry(names[i]), tally) for i, tally in order]
    rows += sorted(hidden.items())
    return rows


def _entry(text: str) -> Entry:
    return {"text": text, "rtl": True} if right_to_left(text) else text


def _told_apart(people: list[Participant], entries: Entries) -> dict[str, str]:
    """Each person's printed name; namesakes get their organisation (when that tells them apart) or a number
    in the order they were registered."""
    plain = {p.id: entries.plain(p.name, p.name) for p in people}
    shown: dict[str, str] = {}
    for name in set(plain.values()):
        same = [p for p in people if plain[p.id] == name]
        if len(same) == 1:
            shown[same[0].id] = name
            continue
        organisations = [entries.plain(p.organisation, p.name) for p in same]
        distinct = all(organisations) and len(set(organisations)) == len(organisations)
        for number, (person, organisation) in enumerate(zip(same, organisations, strict=True), start=1):
            shown[person.id] = f"{name} ({organisation})" if distinct else f"{name} ({number})"
    return shown


def _log(src: DocumentSource, entries: Entries, accidental: set[int]) -> list[list[Entry]]:
    w = entries.words
    by_id = {p.id: p for p in src.participants}
    rows: list[list[Entry]] = []
    for index, record in enumerate(src.records):
        person = by_id.get(record.participant_id)
        if person is None:
            speaker: Entry = w("unknown")
        elif not person.consent_to_list:
            speaker = w("guest")
        else:
            speaker = entries.typed(person.name, person.name)
        seat = w("seat_free") if record.seat_kind is SeatKind.FREE else w("seat_panel", number=record.seat_index + 1)
        length = duration(record.duration)
        if src.running and index == len(src.records) - 1:
            length += f" ({w('running')})"
        if index in accidental:
            length += f" ({w('short_mark')})"
        over = f"+{duration(record.overtime)}" if whole_seconds(record.overtime) else "–"
        rows.append([w.short_date(record.started_at.date()), w.clock(record.started_at), speaker, seat, length, over])
    return rows

"""The report's equity page (issue 28.4): did every group get its share of the free chair?

The figures come from `model.equity`, the same computation the console's statistics show; this module only puts
them into words for a funder, in German or English, and says plainly what each figure means and where it means
little: what "on the list" can and cannot say, a group too small for a share, the people without a group, an
evening with too few turns, a file that recorded no requests.
"""

from __future__ import annotations

from collections.abc import Sequence

from fishbowl_desktop.documents.entries import Entries, Entry
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.source import DocumentSource
from fishbowl_desktop.documents.text import duration
from fishbowl_desktop.model import OrderingRule
from fishbowl_desktop.model.equity import FEW_TURNS, SMALL_GROUP, Equity, GroupEquity, equity, whole_shares
from fishbowl_desktop.model.shares import percent_text

WORDS: dict[str, dict[str, str]] = {
    "de": {
        "heading": "Anteile am freien Stuhl nach Gruppe",
        "lead": "Hatte jede Gruppe ihren Anteil am freien Stuhl? Die Zahlen stammen aus dem Protokoll des Abends "
        "(Redebeiträge und Anfragen für den freien Stuhl).",
        "shares": "Wer auf der Liste stand, wer sprechen wollte, wer sprach",
        "waiting": "Warten und Anfragen",
        "col_group": "Gruppe",
        "col_listed": "Auf der Liste",
        "col_asked": "Wollten sprechen",
        "col_turns": "Beiträge",
        "col_time": "Redezeit",
        "col_first": "Zum ersten Mal",
        "col_median": "Wartezeit (Median)",
        "col_longest": "Längste Wartezeit",
        "col_withdrawn": "Zurückgezogen",
        "col_declined": "Abgelehnt",
        "col_waiting": "Warten noch",
        "total": "Zusammen",
        "no_group": "ohne Gruppe",
        "note_listed": "„Auf der Liste“: das Publikum auf der Teilnehmendenliste der Moderation ({n} Personen). "
        "Wer wirklich im Saal war, weiß das Programm nicht: Wer ohne Eintrag kam, fehlt; wer früher ging, zählt mit.",
        "note_asked": "„Wollten sprechen“: wer sich für den freien Stuhl angestellt hat (jede Person einmal), dazu "
        "jede abgelehnte Anfrage vom Handy (daraus wurde keine Person auf der Liste).",
        "note_turns": "Beiträge und Redezeit: nur der freie Stuhl; das Podium steht unter „Redezeit nach Rolle“. "
        "Gruppen wie zur Zeit des Beitrags oder der Anfrage.",
        "note_left_out": "{n} versehentliche Beiträge unter {seconds} s sind nicht gezählt, wie im übrigen Bericht.",
        "note_first": "„Zum ersten Mal“: der erste Beitrag einer Person an diesem Abend. Insgesamt {first} von "
        "{turns} Beiträgen vom freien Stuhl ({share}).",
        "note_wait": "Wartezeit: vom Anstellen bis zum Platz im Kreis. „Zurückgezogen“: vor dem eigenen Beitrag die "
        "Warteschlange verlassen (auf dem Handy oder von der Moderation herausgenommen). „Abgelehnt“: Anfragen vom "
        "Handy, die die Moderation abgelehnt hat.",
        "note_no_group": "„ohne Gruppe“: Personen, für die keine Gruppe eingetragen ist. Sie stehen in einer eigenen "
        "Zeile und werden keiner Gruppe zugerechnet.",
        "note_no_groups": "Für diesen Abend ist keine Gruppe eingetragen: alle zählen als „ohne Gruppe“, ein "
        "Vergleich zwischen Gruppen ist nicht möglich.",
        "note_few": "{mark}: Gruppe mit weniger als {n} Personen auf der Liste und unter den Anfragen; eine Person "
        "mehr oder weniger verschiebt ihren Anteil um 20 Prozentpunkte oder mehr – der Anteil sagt wenig.",
        "note_few_turns": "Mit {n} Beiträgen vom freien Stuhl insgesamt verschiebt ein einziger Beitrag jeden Anteil "
        "um mindestens {points} Prozentpunkte; unter {limit} Beiträgen sind die Anteile nur ein erster Eindruck.",
        "note_unasked": "{n} der Beiträge vom freien Stuhl kamen von Personen, die sich nicht angestellt hatten (von "
        "der Moderation direkt gesetzt oder vor der Aufzeichnung der Anfragen); daher kann eine Gruppe mehr Beiträge "
        "als Anfragen haben.",
        "note_no_requests": "Für diesen Abend sind keine Anfragen aufgezeichnet (eine Datei aus einer älteren Version, "
        "oder niemand hat sich angestellt): Wartezeiten, Rückzüge und Ablehnungen fehlen, „Wollten sprechen“ ist 0.",
        "note_order": "Reihenfolge der Warteliste zuletzt: {chain}.",
        "none": "–",
    },
    "en": {
        "heading": "Shares of the free chair by group",
        "lead": "Did every group get its share of the free chair? The figures come from the evening's log (turns "
        "spoken and requests for the free chair).",
        "shares": "Who was on the list, who asked to speak, who spoke",
        "waiting": "Waiting and requests",
        "col_group": "Group",
        "col_listed": "On the list",
        "col_asked": "Asked to speak",
        "col_turns": "Turns",
        "col_time": "Speaking time",
        "col_first": "First-time",
        "col_median": "Wait (median)",
        "col_longest": "Longest wait",
        "col_withdrawn": "Withdrawn",
        "col_declined": "Declined",
        "col_waiting": "Still waiting",
        "total": "All",
        "no_group": "no group",
        "note_listed": "“On the list”: the audience on the moderator's participant list ({n} people). The app "
        "cannot know who was really in the room: people who came without signing up are missing; people who left "
        "early still count.",
        "note_asked": "“Asked to speak”: people who joined the queue for the free chair (each person once), plus "
        "each phone request the moderator declined (those never became a person on the list).",
        "note_turns": "Turns and speaking time: the free chair only; the panel is under “Speaking time by role”. "
        "Groups as they were at the time of the turn or the request.",
        "note_left_out": "{n} accidental turns under {seconds} s are not counted, as in the rest of the report.",
        "note_first": "“First-time”: a person's first turn of the evening. In all, {first} of {turns} turns from "
        "the free chair ({share}).",
        "note_wait": "Wait: from joining the queue to a seat in the circle. “Withdrawn”: left the queue before "
        "their turn (on their phone, or taken off by the moderator). “Declined”: phone requests the moderator "
        "said no to.",
        "note_no_group": "“no group”: people with no group entered. They are a row of their own and are not "
        "counted towards any group.",
        "note_no_groups": "No group is entered for this evening: everyone counts as “no group”, and groups cannot "
        "be compared.",
        "note_few": "{mark}: a group with fewer than {n} people on the list and among those who asked; one person "
        "more or less moves its share by 20 points or more – the share says little.",
        "note_few_turns": "With {n} turns from the free chair in all, a single turn moves every share by at least "
        "{points} percentage points; below {limit} turns the shares are only a first impression.",
        "note_unasked": "{n} of the turns from the free chair went to people who never joined the queue (seated by "
        "the moderator directly, or before requests were recorded); so a group can have more turns than requests.",
        "note_no_requests": "No requests are recorded for this evening (a file from an older version, or nobody "
        "joined the queue): waits, withdrawals and declines are missing, and “asked to speak” is 0.",
        "note_order": "The queue's order at the end: {chain}.",
        "none": "–",
    },
}

FEW_MARK = "*"


def equity_of(src: DocumentSource, options: PrintOptions) -> Equity:
    return equity(
        src.participants,
        src.records,
        src.requests,
        src.waiting,
        short_turn_seconds=options.short_turn_seconds,
        running=src.running,
    )


def equity_page(src: DocumentSource, entries: Entries, options: PrintOptions) -> dict[str, object] | None:
    """The page's data for report.typ, or None on an evening with nothing to compare (no turn from the free
    chair, nobody asked)."""
    figures = equity_of(src, options)
    if not figures.free_turns and not figures.asked:
        return None
    language = entries.words.language
    w = WORDS.get(language, WORDS["en"])
    rows = figures.groups

    def name(g: GroupEquity) -> Entry:
        label: Entry = entries.typed(g.group, w["col_group"]) if g.group else w["no_group"]
        if not g.few:
            return label
        if isinstance(label, dict):
            return {**label, "text": f"{label['text']} {FEW_MARK}"}
        return f"{label} {FEW_MARK}"

    def counted(values: Sequence[float], shown: Sequence[str]) -> list[str]:
        return [
            text if share is None else f"{text} ({percent(share, language)})"
            for text, share in zip(shown, whole_shares(values), strict=True)
        ]

    listed = counted([g.listed for g in rows], [str(g.listed) for g in rows])
    asked = counted([g.asked for g in rows], [str(g.asked) for g in rows])
    turns = counted([g.free_turns for g in rows], [str(g.free_turns) for g in rows])
    time = counted([g.free_seconds for g in rows], [duration(g.free_seconds) for g in rows])
    shares_rows: list[list[Entry]] = [[name(g), listed[i], asked[i], turns[i], time[i]] for i, g in enumerate(rows)]
    shares_rows.append(
        [
            w["total"],
            str(figures.listed),
            str(figures.asked),
            str(figures.free_turns),
            duration(figures.free_seconds),
        ]
    )
    waiting_rows: list[list[Entry]] = [
        [
            name(g),
            str(g.first_turns),
            _wait(g.median_wait, w),
            _wait(g.longest_wait, w),
            str(g.withdrawn),
            str(g.declined),
            str(g.waiting_now),
        ]
        for g in rows
    ]
    return {
        "heading": w["heading"],
        "lead": w["lead"],
        "shares": {
            "heading": w["shares"],
            "head": [w[k] for k in ("col_group", "col_listed", "col_asked", "col_turns", "col_time")],
            "rows": shares_rows,
        },
        "waiting": {
            "heading": w["waiting"],
            "head": [
                w[k]
                for k in (
                    "col_group",
                    "col_first",
                    "col_median",
                    "col_longest",
                    "col_withdrawn",
                    "col_declined",
                    "col_waiting",
                )
            ],
            "rows": waiting_rows,
        },
        "notes": [*_notes(figures, w, options, language), w["note_order"].format(chain=chain_text(src, language))],
    }


RULE_WORDS: dict[str, dict[OrderingRule, str]] = {
    "de": {
        OrderingRule.OTHER_GROUP: "andere Gruppe als die Person, die den freien Stuhl verlässt",
        OrderingRule.NEW_VOICES_FIRST: "neue Stimmen zuerst",
        OrderingRule.LEAST_SPEAKING_TIME: "wenigste Redezeit bisher",
        OrderingRule.FEWEST_TURNS: "wenigste Beiträge zuerst",
        OrderingRule.ALTERNATE_GROUPS: "Gruppen im Wechsel (quotierte Redeliste)",
        OrderingRule.FIRST_COME: "Ankunft",
    },
    "en": {
        OrderingRule.OTHER_GROUP: "other group than the person leaving the free chair",
        OrderingRule.NEW_VOICES_FIRST: "new voices first",
        OrderingRule.LEAST_SPEAKING_TIME: "least speaking time so far",
        OrderingRule.FEWEST_TURNS: "fewest turns first",
        OrderingRule.ALTERNATE_GROUPS: "alternate groups (quota list)",
        OrderingRule.FIRST_COME: "arrival",
    },
}
"""The queue's rules as the report names them (issue 28, point 1): a funder reads the shares beside the rules
that ordered the queue."""


def chain_text(src: DocumentSource, language: str) -> str:
    """The chain of rules in force when the report was made, arrival last ("new voices first → arrival")."""
    words = RULE_WORDS.get(language, RULE_WORDS["en"])
    return " → ".join(words[r] for r in (*src.settings.ordering.rules, OrderingRule.FIRST_COME))


def percent(share: int, language: str) -> str:
    """As every percentage the program prints (`model.shares`): "26 %" with a narrow no-break space in German."""
    return percent_text(share, language)


def _wait(seconds: float | None, w: dict[str, str]) -> str:
    return w["none"] if seconds is None else duration(seconds)


def _notes(figures: Equity, w: dict[str, str], options: PrintOptions, language: str) -> list[str]:
    notes = [w["note_listed"].format(n=figures.listed), w["note_asked"], w["note_turns"]]
    if figures.left_out:
        notes.append(w["note_left_out"].format(n=figures.left_out, seconds=f"{options.short_turn_seconds:g}"))
    if figures.free_turns:
        share = whole_shares([figures.first_turns, figures.free_turns - figures.first_turns])[0]
        notes.append(
            w["note_first"].format(
                first=figures.first_turns, turns=figures.free_turns, share=percent(share or 0, language)
            )
        )
    notes.append(w["note_wait"])
    if not figures.has_groups:
        notes.append(w["note_no_groups"])
    elif any(not g.group for g in figures.groups):
        notes.append(w["note_no_group"])
    if any(g.few for g in figures.groups):
        notes.append(w["note_few"].format(mark=FEW_MARK, n=SMALL_GROUP))
    if figures.few_turns:
        notes.append(
            w["note_few_turns"].format(n=figures.free_turns, points=round(100 / figures.free_turns), limit=FEW_TURNS)
        )
    if figures.unasked_turns and figures.requests_recorded:
        notes.append(w["note_unasked"].format(n=figures.unasked_turns))
    if not figures.requests_recorded:
        notes.append(w["note_no_requests"])
    return notes

"""Words on paper: the German/English catalogue and surname collation.

The documents layer has no Qt, so its strings live here in a plain dict rather than in Qt's .ts files.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

from fishbowl_desktop.model import Event, Participant, Role, format_duration
from fishbowl_desktop.model.roles import role_word

CATALOGUE: dict[str, dict[str, str]] = {
    "de": {
        "missing_glyphs": "Diese Angaben enthalten Zeichen, die keine mitgelieferte Schrift drucken kann: {items}. "
        "Mit „Trotzdem drucken“ (Befehlszeile: export-pdf --print-anyway) steht an ihrer Stelle ein {placeholder}.",
        "signoff_title": "Richtigkeit bestätigt.",
        "signoff_text": "Die Angaben dieser Liste sind vollständig und richtig.",
        "signoff_total": "Teilnehmende insgesamt",
        "signoff_counted": "gezählt",
        "signoff_estimated": "geschätzt",
        "signoff_place_date": "Ort, Datum",
        "signoff_lead": "Name der Veranstaltungsleitung",
        "signoff_signature": "Unterschrift der Veranstaltungsleitung",
        "field_date": "Datum",
        "qr_text_wifi": "Scannen Sie den Code oder öffnen Sie diese Adresse im WLAN „{wifi}“:",
        "qr_alt": "QR-Code mit der Adresse {link}",
        "agenda_clock": "Uhrzeit",
        "agenda_item": "Programmpunkt",
        "agenda_minutes": "Dauer",
        "photo_line_none": "<b>Fotos und Datenschutz:</b> Bei dieser Veranstaltung wird nicht fotografiert. Namen auf "
        "der Teilnahmeliste werden nur für den Nachweis gegenüber dem Zuwendungsgeber verwendet.",
        "photo_line_opt_in": "<b>Fotos und Datenschutz:</b> Fotografiert wird nur, wer auf der Teilnahmeliste ein "
        "Kreuz bei „Fotos erlaubt“ setzt. Namen auf der Teilnahmeliste werden nur für den Nachweis gegenüber dem "
        "Zuwendungsgeber verwendet.",
        "field_funding_note": "Förderhinweis",
        "field_dpo": "Datenschutzbeauftragte Stelle",
        "col_age": "Altersgruppe",
        "photo_hint_opt_in": "Mit einem Kreuz bei „Fotos erlaubt“ stimmen Sie zu, dass Sie auf Fotos der "
        "Veranstaltung zu sehen sein dürfen. Ohne Kreuz werden Sie nicht fotografiert.",
        "privacy_lead": "Datenschutz (Art. 13 DSGVO):",
        "privacy_controller": "Verantwortlich ist {controller}.",
        "privacy_dpo": "Datenschutzbeauftragte Stelle: {dpo}.",
        "privacy_controller_unknown": "Verantwortlich ist (bitte eintragen): ____________________.",
        "privacy_basis_association": "Die Liste weist dem Zuwendungsgeber die Teilnahme nach, wie es die Förderung "
        "verlangt; Rechtsgrundlage ist unser berechtigtes Interesse, die Förderung ordnungsgemäß abzurechnen "
        "(Art. 6 Abs. 1 lit. f DSGVO).",
        "privacy_basis_public_body": "Die Liste weist die Teilnahme für die Abrechnung der öffentlichen Förderung "
        "nach; Rechtsgrundlage ist die Wahrnehmung einer Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 lit. e "
        "DSGVO).",
        "privacy_use": "Sie wird nur dafür verwendet, an den Zuwendungsgeber nur zur Prüfung weitergegeben, "
        "verschlossen aufbewahrt und nach Ablauf der Aufbewahrungsfrist der Förderung vernichtet.",
        "privacy_voluntary": "Die Eintragung ist freiwillig und keine Bedingung für die Teilnahme; wer sich nicht "
        "einträgt, wird nur mitgezählt, und der Nachweis der Teilnahme fehlt dann für diese Person.",
        "privacy_photo_opt_in": "Ihr Kreuz bei „Fotos erlaubt“ ist freiwillig und jederzeit widerrufbar "
        "(Art. 6 Abs. 1 lit. a DSGVO).",
        "privacy_rights": "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
        "Verarbeitung, das Recht, der Verarbeitung aus Gründen Ihrer besonderen Situation zu widersprechen "
        "(Art. 21 DSGVO), und das Recht auf Beschwerde bei einer Datenschutz-Aufsichtsbehörde.",
        "page_of": "Seite {page} von {pages}",
        "handout_subject": "Handzettel",
        "attendees_subject": "Teilnahmeliste",
        "report_subject": "Veranstaltungsbericht",
        "when": "Wann",
        "where": "Wo",
        "organiser": "Veranstaltet von",
        "questions": "Leitfragen",
        "agenda": "Ablauf",
        "minutes": "{minutes} Min.",
        "panel": "Auf dem Podium",
        "moderation": "Moderation",
        "how_title": "So funktioniert die Fishbowl",
        "how_text": (
            "Im inneren Kreis sitzen die Expert*innen, ein Stuhl bleibt frei. Dieser <b>freie Stuhl</b> gehört "
            "Ihnen: Wenn Sie etwas fragen oder beitragen möchten, geben Sie der Moderation ein Zeichen. Sie kommen "
            "auf die Warteliste und werden aufgerufen. Dann setzen Sie sich auf den freien Stuhl, sprechen kurz "
            "(etwa {minutes} Minuten) und machen den Platz danach für die nächste Person frei. Zuhören ist "
            "genauso willkommen."
        ),
        "notes": "Notizen",
        "qr_title": "Mit dem Handy um den freien Stuhl bitten",
        "qr_text": "Scannen Sie den Code oder öffnen Sie diese Adresse im WLAN des Saals:",
        "sheet_title": "Teilnahmeliste",
        "col_no": "Nr.",
        "col_name": "Name",
        "col_org": "Organisation",
        "col_signature": "Unterschrift",
        "col_photo": "Fotos erlaubt",
        "photo_hint": "Mit einem Kreuz bei „Fotos erlaubt“ stimmen Sie zu, dass Sie auf Fotos der "
        "Veranstaltung zu sehen sein dürfen.",
        "report_title": "Veranstaltungsbericht",
        "summary": "Überblick",
        "turns_total": "Redebeiträge",
        "time_total": "Redezeit gesamt",
        "free_chair_turns": "Beiträge vom freien Stuhl",
        "overtime_total": "Überziehung gesamt",
        "by_role": "Redezeit nach Rolle",
        "by_group": "Redezeit nach Gruppe",
        "col_role": "Rolle",
        "col_group": "Gruppe",
        "col_turns": "Beiträge",
        "col_time": "Redezeit",
        "col_share": "Anteil",
        "log": "Redeprotokoll",
        "col_clock": "Uhrzeit",
        "col_speaker": "Person",
        "col_seat": "Platz",
        "col_duration": "Dauer",
        "col_overtime": "Überzogen",
        "seat_panel": "Podium {number}",
        "seat_free": "Freier Stuhl",
        "running": "läuft noch",
        "no_turns": "Es wurden noch keine Redebeiträge aufgezeichnet.",
        "mod_notes": "Notizen der Moderation",
        "no_group": "ohne Gruppe",
        "guest": "Gast (nicht gelistet)",
        "unknown": "Person (entfernt)",
        "created": "Erstellt am {date}",
        "field_title": "Titel der Veranstaltung",
        "field_venue": "Ort",
        "field_address": "Adresse",
        "field_organiser": "Veranstalter",
        "field_description": "Beschreibung",
        "field_question": "Leitfrage {number}",
        "field_agenda": "Ablaufpunkt {number}",
        "field_programme": "Projekt / Förderprogramm",
        "field_funding": "Förderkennzeichen",
        "field_privacy": "Datenschutzhinweis",
        "field_residence": "Wohnort",
        "programme": "Projekt: {text}",
        "funding": "Förderkennzeichen: {text}",
        "col_family": "Familienname",
        "col_given": "Vorname(n)",
        "col_residence": "Wohnort / PLZ",
        "unprintable": "(Name nicht druckbar)",
        "privacy_default": (
            "<b>Datenschutz (Art. 13 DSGVO):</b> Verantwortlich ist {organiser}. Die Liste dient dem Nachweis "
            "der Teilnahme gegenüber dem Zuwendungsgeber (Art. 6 Abs. 1 lit. c und e DSGVO) und wird nur dafür "
            "verwendet, verschlossen aufbewahrt und nach Ablauf der Aufbewahrungsfrist der Förderung vernichtet. "
            "Ihr Kreuz bei „Fotos erlaubt“ ist freiwillig und jederzeit widerrufbar. Sie haben das Recht auf "
            "Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei einer "
            "Datenschutz-Aufsichtsbehörde."
        ),
        "privacy_organiser_unknown": "der Veranstalter",
        "registered": "Angemeldete Personen",
        "listed": "Davon namentlich gelistet",
        "unlisted": "Nicht namentlich gelistet",
        "by_person": "Redezeit nach Person",
        "col_date": "Datum",
        "short_turns": "Kurze Beiträge (unter {seconds} s) gelten als versehentlich und sind nicht in der "
        "Statistik enthalten: {count}.",
        "short_mark": "versehentlich",
        "photo_line": "<b>Fotos und Datenschutz:</b> Bei der Veranstaltung wird fotografiert. Wer nicht auf Fotos "
        "erscheinen möchte, sagt es bitte der Moderation. Namen auf der Teilnahmeliste werden nur für den "
        "Nachweis gegenüber dem Zuwendungsgeber verwendet.",
    },
    "en": {
        "missing_glyphs": "These entries contain characters none of the shipped fonts can print: {items}. "
        "“Print anyway” (command line: export-pdf --print-anyway) prints a {placeholder} in their place.",
        "signoff_title": "Confirmed as correct.",
        "signoff_text": "The entries on this list are complete and correct.",
        "signoff_total": "Attendees in total",
        "signoff_counted": "counted",
        "signoff_estimated": "estimated",
        "signoff_place_date": "Place, date",
        "signoff_lead": "Name of the event lead",
        "signoff_signature": "Signature of the event lead",
        "field_date": "Date",
        "qr_text_wifi": "Scan the code or open this address on the Wi-Fi network “{wifi}”:",
        "qr_alt": "QR code with the address {link}",
        "agenda_clock": "Time",
        "agenda_item": "Item",
        "agenda_minutes": "Length",
        "photo_line_none": "<b>Photos and data protection:</b> No photos are taken at this event. Names on the "
        "attendee sheet are used only to prove attendance to the funding body.",
        "photo_line_opt_in": "<b>Photos and data protection:</b> Only people who tick “Photos OK” on the attendee "
        "sheet are photographed. Names on the attendee sheet are used only to prove attendance to the funding body.",
        "field_funding_note": "Funding note",
        "field_dpo": "Data protection officer",
        "col_age": "Age group",
        "photo_hint_opt_in": "A cross under “Photos OK” means you agree to appear in photos of the event. "
        "Without a cross, you will not be photographed.",
        "privacy_lead": "Data protection (Art. 13 GDPR):",
        "privacy_controller": "The controller is {controller}.",
        "privacy_dpo": "Data protection officer: {dpo}.",
        "privacy_controller_unknown": "The controller is (please fill in): ____________________.",
        "privacy_basis_association": "This list proves attendance to the funding body, as the grant requires; the "
        "legal basis is our legitimate interest in accounting for the grant properly (Art. 6(1)(f) GDPR).",
        "privacy_basis_public_body": "This list proves attendance for the accounts of the public funding; the legal "
        "basis is the performance of a task in the public interest (Art. 6(1)(e) GDPR).",
        "privacy_use": "It is used for nothing else, shown to the funding body only for its audit, kept locked away "
        "and destroyed when the funding's retention period ends.",
        "privacy_voluntary": "Signing is voluntary and no condition for taking part; whoever does not sign is only "
        "counted, and their attendance then cannot be proven.",
        "privacy_photo_opt_in": "Your cross under “Photos OK” is voluntary and can be withdrawn at any time "
        "(Art. 6(1)(a) GDPR).",
        "privacy_rights": "You have the right of access, rectification, erasure and restriction of processing, the "
        "right to object to the processing on grounds relating to your particular situation (Art. 21 GDPR), and "
        "the right to lodge a complaint with a data protection authority.",
        "page_of": "Page {page} of {pages}",
        "handout_subject": "Handout",
        "attendees_subject": "Attendee sheet",
        "report_subject": "Event report",
        "when": "When",
        "where": "Where",
        "organiser": "Organised by",
        "questions": "Guiding questions",
        "agenda": "Agenda",
        "minutes": "{minutes} min",
        "panel": "On the panel",
        "moderation": "Moderation",
        "how_title": "How the fishbowl works",
        "how_text": (
            "The experts sit in the inner circle, and one chair stays empty. This <b>free chair</b> is yours: "
            "if you want to ask or add something, give the moderator a sign. You join the waiting list and will "
            "be called. Then take the free chair, speak briefly (about {minutes} minutes) and leave the chair "
            "for the next person. Just listening is just as welcome."
        ),
        "notes": "Notes",
        "qr_title": "Ask for the free chair from your phone",
        "qr_text": "Scan the code or open this address on the venue's Wi-Fi:",
        "sheet_title": "Attendee sheet",
        "col_no": "No.",
        "col_name": "Name",
        "col_org": "Organisation",
        "col_signature": "Signature",
        "col_photo": "Photos OK",
        "photo_hint": "A cross under “Photos OK” means you agree to appear in photos of the event.",
        "report_title": "Event report",
        "summary": "Summary",
        "turns_total": "Turns",
        "time_total": "Total speaking time",
        "free_chair_turns": "Turns on the free chair",
        "overtime_total": "Total overtime",
        "by_role": "Speaking time by role",
        "by_group": "Speaking time by group",
        "col_role": "Role",
        "col_group": "Group",
        "col_turns": "Turns",
        "col_time": "Time",
        "col_share": "Share",
        "log": "Speech log",
        "col_clock": "Time",
        "col_speaker": "Speaker",
        "col_seat": "Seat",
        "col_duration": "Duration",
        "col_overtime": "Overtime",
        "seat_panel": "Panel {number}",
        "seat_free": "Free chair",
        "running": "still running",
        "no_turns": "No turns have been recorded yet.",
        "mod_notes": "Moderator’s notes",
        "no_group": "no group",
        "guest": "Guest (not listed)",
        "unknown": "Person (removed)",
        "created": "Created on {date}",
        "field_title": "Event title",
        "field_venue": "Venue",
        "field_address": "Address",
        "field_organiser": "Organiser",
        "field_description": "Description",
        "field_question": "Guiding question {number}",
        "field_agenda": "Agenda item {number}",
        "field_programme": "Project / funding programme",
        "field_funding": "Funding reference",
        "field_privacy": "Privacy notice",
        "field_residence": "Residence",
        "programme": "Project: {text}",
        "funding": "Funding reference: {text}",
        "col_family": "Family name",
        "col_given": "Given name(s)",
        "col_residence": "Residence / postcode",
        "unprintable": "(name cannot be printed)",
        "privacy_default": (
            "<b>Data protection (Art. 13 GDPR):</b> The controller is {organiser}. This list proves attendance to "
            "the funding body (Art. 6(1)(c) and (e) GDPR), is used for nothing else, kept locked away and "
            "destroyed when the funding's retention period ends. Your cross under “Photos OK” is voluntary and "
            "can be withdrawn at any time. You have the right of access, rectification, erasure and restriction "
            "of processing, and the right to lodge a complaint with a data protection authority."
        ),
        "privacy_organiser_unknown": "the organiser",
        "registered": "Registered people",
        "listed": "Of them listed by name",
        "unlisted": "Not listed by name",
        "by_person": "Speaking time by person",
        "col_date": "Date",
        "short_turns": "Short turns (under {seconds} s) count as accidental and are left out of the statistics: "
        "{count}.",
        "short_mark": "accidental",
        "photo_line": "<b>Photos and data protection:</b> Photos are taken at this event. If you do not want to "
        "appear in them, please tell the moderator. Names on the attendee sheet are used only to prove "
        "attendance to the funding body.",
    },
}

MONTHS_DE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Words:
    """The catalogue for one language; unknown keys fail loudly in tests rather than print a key."""

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGUE else "en"
        self._table = CATALOGUE[self.language]

    def __call__(self, key: str, **values: object) -> str:
        text = self._table[key]
        return text.format(**values) if values else text

    def role(self, role: Role) -> str:
        return role_word(role, self.language)

    def long_date(self, day: date) -> str:
        if self.language == "de":
            return f"{WEEKDAYS_DE[day.weekday()]}, {day.day}. {MONTHS_DE[day.month - 1]} {day.year}"
        return f"{WEEKDAYS_EN[day.weekday()]}, {day.day} {MONTHS_EN[day.month - 1]} {day.year}"

    def short_date(self, day: date) -> str:
        return f"{day.day:02d}.{day.month:02d}.{day.year}" if self.language == "de" else day.isoformat()

    def clock(self, moment: time | datetime) -> str:
        return f"{moment.hour:02d}:{moment.minute:02d}"

    def when(self, event: Event) -> str:
        """Date and time on one line; missing parts are left out rather than printed empty."""
        parts = []
        if event.date:
            parts.append(self.long_date(event.date))
        times = [self.clock(t) for t in (event.start_time, event.end_time) if t is not None]
        if times:
            span = "–".join(times)
            parts.append(f"{span} Uhr" if self.language == "de" else span)
        return ", ".join(parts)


def duration(seconds: float) -> str:
    """The program's one rounding rule for durations (model/durations.py), so the report agrees with the
    console and the CSV."""
    return format_duration(seconds)


# Letters NFKD does not take apart, written the way DIN 5007-1 files them.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "Ð": "d",
        "ħ": "h",
        "Ħ": "h",
    }
)


def collation_key(text: str) -> str:
    """DIN 5007-1 ("dictionary") order without system locales: Ö files with O, Ş with S, ß as ss.

    Punctuation and spaces are ignored so "Al-Sayed" files as "alsayed"; other scripts keep their own
    letters and follow the Latin alphabet in code-point order.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in base.translate(_SPECIAL).casefold() if c.isalnum())


def surname_order_key(person: Participant) -> tuple[str, str, str, str]:
    """Surname first, then the whole name; accents only break ties, so Öztürk sits among the O names."""
    return (
        collation_key(person.surname),
        collation_key(person.name),
        unicodedata.normalize("NFC", person.name).casefold(),
        person.id,
    )

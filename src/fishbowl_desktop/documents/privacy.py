"""The Art. 13 GDPR notice under the attendee sheet: the event's own text, or a default that names the
controller with its contact details (and the data-protection officer, where there is one), the legal basis by
the organiser's kind, whether signing is required and what follows if not (Art. 13(2)(e)), and the right to
object (Art. 21, which applies to processing under Art. 6(1)(e) and (f)). Printed at 8 pt in full ink: Art. 12
asks for an “easily accessible” notice, and a funder's auditor reads it on a photocopy."""

from __future__ import annotations

from fishbowl_desktop.documents.entries import Entries
from fishbowl_desktop.model import Event


def privacy_notice(event: Event, entries: Entries) -> dict[str, object]:
    w = entries.words
    own = event.privacy_notice.strip()
    if own:
        return {"lead": "", "text": entries.typed(own, w("field_privacy"))}
    controller = [
        entries.plain(text, w("field_organiser")).replace("\n", ", ")
        for text in (event.organiser, event.organiser_address, event.organiser_email)
        if text.strip()
    ]
    sentences = []
    if event.organiser.strip():
        sentences.append(w("privacy_controller", controller=", ".join(controller)))
    else:
        sentences.append(w("privacy_controller_unknown"))
    if event.data_protection_officer.strip():
        sentences.append(w("privacy_dpo", dpo=entries.plain(event.data_protection_officer, w("field_dpo"))))
    sentences.append(w(f"privacy_basis_{event.organiser_kind}"))
    sentences.append(w("privacy_use"))
    sentences.append(w("privacy_voluntary"))
    if event.photo_policy == "opt_in":
        sentences.append(w("privacy_photo_opt_in"))
    sentences.append(w("privacy_rights"))
    return {"lead": w("privacy_lead"), "text": " ".join(_one_full_stop(s) for s in sentences)}


def _one_full_stop(sentence: str) -> str:
    """ "… Stadtteilforum e. V.." → "… e. V.": a name or address that ends with a full stop ends the sentence."""
    if sentence.endswith("..") and not sentence.endswith("..."):
        return sentence[:-1]
    return sentence


FUNDER_FIELDS = ("date", "venue", "organiser")


def funder_gaps(event: Event) -> tuple[str, ...]:
    """The fields a funder needs on the sheet that the organiser left empty (the sheet leaves a line for each)."""
    gaps = []
    if event.date is None:
        gaps.append("date")
    if not (event.venue_name.strip() or event.venue_address.strip()):
        gaps.append("venue")
    if not event.organiser.strip():
        gaps.append("organiser")
    return tuple(gaps)

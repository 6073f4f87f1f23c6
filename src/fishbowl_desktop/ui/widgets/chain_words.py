"""The names of the queue's rules and preset chains, said the same way in the queue panel, the chain editor and
the preferences (one place to translate them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fishbowl_desktop.model import OrderingRule, RuleChain
from fishbowl_desktop.model.chain import PRESETS, preset_of

CONTEXT = "ChainWords"


def rule_name(rule: OrderingRule) -> str:
    names = {
        OrderingRule.FIRST_COME: QCoreApplication.translate("ChainWords", "Arrival"),
        OrderingRule.NEW_VOICES_FIRST: QCoreApplication.translate("ChainWords", "New voices first"),
        OrderingRule.FEWEST_TURNS: QCoreApplication.translate("ChainWords", "Fewest turns first"),
        OrderingRule.ALTERNATE_GROUPS: QCoreApplication.translate("ChainWords", "Alternate groups (quota list)"),
        OrderingRule.OTHER_GROUP: QCoreApplication.translate(
            "ChainWords", "Other group than the person leaving the free chair"
        ),
        OrderingRule.LEAST_SPEAKING_TIME: QCoreApplication.translate("ChainWords", "Least speaking time so far"),
    }
    return names[rule]


def rule_help(rule: OrderingRule) -> str:
    """One sentence on what the rule does, for the chain editor."""
    texts = {
        OrderingRule.FIRST_COME: QCoreApplication.translate(
            "ChainWords", "Whoever asked first goes first. Always the last rule: it decides every tie."
        ),
        OrderingRule.NEW_VOICES_FIRST: QCoreApplication.translate(
            "ChainWords", "People who have not spoken yet this evening go before those who have."
        ),
        OrderingRule.FEWEST_TURNS: QCoreApplication.translate(
            "ChainWords", "Whoever has had fewer turns so far goes first."
        ),
        OrderingRule.ALTERNATE_GROUPS: QCoreApplication.translate(
            "ChainWords", "The groups take turns (quotierte Redeliste), starting with another group than the last."
        ),
        OrderingRule.OTHER_GROUP: QCoreApplication.translate(
            "ChainWords",
            "Someone of another group than the person who leaves the free chair before them goes first, "
            "where one is waiting.",
        ),
        OrderingRule.LEAST_SPEAKING_TIME: QCoreApplication.translate(
            "ChainWords", "Whoever has spoken the least time so far this evening goes first."
        ),
    }
    return texts[rule]


def preset_label(name: str) -> str:
    labels = {
        "first_come": QCoreApplication.translate("ChainWords", "First come, first served"),
        "new_voices_first": QCoreApplication.translate("ChainWords", "New voices first"),
        "fair_floor": QCoreApplication.translate("ChainWords", "Other group, new voices, least time"),
        "least_speaking_time": QCoreApplication.translate("ChainWords", "Least speaking time first"),
        "fewest_turns": QCoreApplication.translate("ChainWords", "Fewest turns first"),
        "alternate_groups": QCoreApplication.translate("ChainWords", "Alternate groups (quota list)"),
        "quota_new_voices": QCoreApplication.translate("ChainWords", "Quota list, new voices first"),
    }
    return labels[name]


def chain_label(chain: RuleChain) -> str:
    """A preset's name, or the rules in order ("Least speaking time so far → New voices first → Arrival")."""
    preset = preset_of(chain)
    if preset is not None:
        return preset_label(preset.name)
    return " → ".join(rule_name(r) for r in (*chain.rules, OrderingRule.FIRST_COME))


def preset_items() -> list[tuple[str, str]]:
    """(label, preset name) for every preset, in the order offered."""
    return [(preset_label(p.name), p.name) for p in PRESETS]

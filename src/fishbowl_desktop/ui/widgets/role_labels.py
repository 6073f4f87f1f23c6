"""The roles as the console names them, in the moderator's language (Qt's translations, context "Role").

The English source texts are the paper's English words and the German translations the paper's German
(`model/roles.py`; tests/model/test_role_labels.py holds them together). The participant table, its search, the
person dialog and the statistics all take their labels from here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fishbowl_desktop.model import Role

CHOICE_ORDER = (Role.AUDIENCE, Role.PANELIST, Role.MODERATOR)
"""The order the person dialog offers the roles in: most people added during an evening are audience."""


def role_label(role: Role) -> str:
    if role is Role.MODERATOR:
        return QCoreApplication.translate("Role", "Moderator")
    if role is Role.PANELIST:
        return QCoreApplication.translate("Role", "Panel")
    return QCoreApplication.translate("Role", "Audience")

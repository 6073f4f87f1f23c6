"""The second screen: the speaker timer, the speaker and who is next, large enough for the back row.

`ProjectorManager` is what the console uses; `ProjectorView`/`ProjectorPreview` paint the same content at
full and at preview size.
"""

from fishbowl_desktop.stage.content import Mode, ProjectorContent, projector_content, public_name
from fishbowl_desktop.ui.projector.manager import ProjectorManager
from fishbowl_desktop.ui.projector.screen_policy import ProjectorState
from fishbowl_desktop.ui.projector.view import ProjectorPreview, ProjectorScene, ProjectorView
from fishbowl_desktop.ui.projector.window import ProjectorWindow

__all__ = [
    "Mode",
    "ProjectorContent",
    "ProjectorManager",
    "ProjectorPreview",
    "ProjectorScene",
    "ProjectorState",
    "ProjectorView",
    "ProjectorWindow",
    "projector_content",
    "public_name",
]

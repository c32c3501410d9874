"""Kinds of community event: shared vocabulary of the events area and the "upcoming events" block.

Here in cms/core because the block, part of every page body, filters by kind and cms/core imports
no content area (docs/architecture.md, "Layers"); `cms.events.models` re-exports `EventKind`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    LECTURE = "lecture", _("Lecture (博悦大讲堂)")
    COUNCIL = "council", _("Neighbourhood council (近邻议事厅)")
    OWNERS_FORUM = "owners_forum", _("Owners' forum (业主恳谈会)")
    JOINT_MEETING = "joint_meeting", _("Party-mass joint meeting (党群联席会)")

    @classmethod
    def forums(cls):
        return [cls.COUNCIL, cls.OWNERS_FORUM, cls.JOINT_MEETING]

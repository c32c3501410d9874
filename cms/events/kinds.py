"""Event kinds, importable without the models (blocks use them)."""

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

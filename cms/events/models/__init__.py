"""Lectures (博悦大讲堂) and forums (近邻议事厅, 业主恳谈会, 党群联席会), and their sign-ups."""

from cms.core.event_kinds import EventKind

from .pages import EventIndexPage, EventPage
from .signups import EventSignup

__all__ = ["EventIndexPage", "EventKind", "EventPage", "EventSignup"]

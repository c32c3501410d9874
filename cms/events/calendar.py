"""An event as an iCalendar (.ics) file residents add to their phone's calendar."""

from icalendar import Calendar, Event


def event_ics(page, request=None):
    calendar = Calendar()
    calendar.add("prodid", "-//hongguanjia portal//events//ZH")
    calendar.add("version", "2.0")
    item = Event()
    item.add("uid", f"event-{page.pk}@{request.get_host() if request else 'portal'}")
    item.add("summary", page.title)
    item.add("dtstart", page.start)
    item.add("dtend", page.end)
    item.add("dtstamp", page.last_published_at or page.start)
    item.add("location", page.place)
    if page.listing_summary:
        item.add("description", page.listing_summary)
    item.add("url", page.get_full_url(request))
    calendar.add_component(item)
    return calendar.to_ical()

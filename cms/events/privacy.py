"""A resident's event sign-ups in their own-data download and deletion, and sign-ups made with their
mobile number before they had an account (claimed once they confirm, portal.accounts.claims)."""

from .models import EventSignup


def own_data(user):
    return [
        {
            "event": s.event.title,
            "start": s.event.start.isoformat(),
            "name": s.name,
            "phone": s.phone,
            "party_size": s.party_size,
            "status": s.status,
            "signed_up": s.created_at.isoformat(),
        }
        for s in EventSignup.objects.filter(resident=user).select_related("event")
    ]


def forget(user):
    """Sign-ups of past and future events lose name and number; the head count stays."""
    return EventSignup.objects.filter(resident=user).update(name="", phone="", resident=None)


def unclaimed(phone):
    return EventSignup.objects.filter(phone=phone, resident__isnull=True).count()


def claim(phone, user):
    return EventSignup.objects.filter(phone=phone, resident__isnull=True).update(resident=user)

"""Personal data of the care app, for portal.accounts' retention command.

Family contacts hold what an elder's relatives said: personal, never public. They concern the elder
(a roster entry, not a site account), so there is no `own_data`; they go with the roster entry
(deleting a `CareRecipient` deletes them), and once an elder has left the roster (inactive) the notes
older than the retention period are emptied.
"""

from .models import CampaignVisit, FamilyContact


def anonymise_expired(cutoff):
    contacts = (
        FamilyContact.objects.filter(recipient__active=False, created_at__lt=cutoff)
        .exclude(person="", summary="", follow_up="")
        .update(person="", summary="", follow_up="")
    )
    notes = CampaignVisit.objects.filter(recipient__active=False, done_at__lt=cutoff).exclude(note="").update(note="")
    return contacts + notes

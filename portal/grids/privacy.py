"""Personal data of the grids app, for portal.accounts' retention command and own-data download."""

from .models import Household


def anonymise_expired(cutoff):
    """Empty homes (marked not occupied) keep no name or phone after the retention period."""
    return (
        Household.objects.filter(active=False, updated_at__lt=cutoff)
        .exclude(head_name="", phone="")
        .update(head_name="", phone="")
    )

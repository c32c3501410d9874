"""Recording access to personal data. Every reveal and every care-roster access goes through here."""

from .models import AuditLog


def record(user, action, obj=None, detail=""):
    actor = user if getattr(user, "is_authenticated", False) else None
    return AuditLog.objects.create(
        actor=actor,
        actor_name=(actor.get_username() if actor else "")[:150],
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=str(detail)[:255],
    )

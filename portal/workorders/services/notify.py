"""The messages a request's life sends, queued in the outbox (sent after the transaction commits)."""

from portal.notifications import outbox


def resident(order, event):
    """Queue the resident's message about `order` (the kinds and their texts: portal.notifications.kinds)."""
    if event not in RESIDENT_KINDS:
        return
    kind = event
    service = order.service_page.title if order.service_page_id else ""
    if service and event == "accept" and order.category.kind == order.category.Kind.SERVICE_BOOKING:
        kind = "booking_confirmed"
    last = order.transitions.order_by("-pk").first() if event == "reject" else None
    params = {
        "number": order.number,
        "token": order.lookup_token,
        "steward": order.assignee.name if order.assignee_id else "",
        "steward_phone": order.assignee.phone if order.assignee_id else "",
        "note": last.note if last else "",
        "original": order.duplicate_of.number if order.duplicate_of_id else "",
        "service": service,
    }
    outbox.queue_message(kind, params, phone=order.phone, email=order.email, user=order.resident, work_order=order)


def partner(order):
    """A booking of a partner's service: tell the partner (by SMS to its contact phone)."""
    if not order.service_page_id:
        return
    partner = getattr(order.service_page.specific, "partner", None)
    if partner is None or not getattr(partner, "contact_phone", ""):
        return
    outbox.queue_message(
        "booking_received",
        {"number": order.number, "service": order.service_page.title},
        phone=partner.contact_phone,
        work_order=order,
    )


RESIDENT_KINDS = {"submitted", "accept", "assign", "resolve", "reject", "merge", "reminder", "reopen"}


def staff_urgent(order):
    from django.contrib.auth import get_user_model

    from portal.accounts import roles

    User = get_user_model()
    recipients = set(
        User.objects.filter(groups__name=roles.MANAGER, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if order.steward_id and order.steward.user_id and order.steward.user.email:
        recipients.add(order.steward.user.email)
    params = {
        "number": order.number,
        "category": order.category.name,
        "address": order.address_display,
        "description": order.description[:200],
    }
    for email in sorted(recipients):
        outbox.queue_message("urgent", params, email=email, work_order=order)

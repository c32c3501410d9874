"""One function per business action of the care app, each checking who may do it.

The rules are the roster's (`portal.grids.scope`): an elder is reachable only through
`scope.care_recipients_for(user)` — the grid steward of the elder's grid and managers — so anybody
else gets `Http404` (nothing about the elder is revealed, not even that they exist). Every read
and every change is written to the audit log through `portal.accounts.audit`, as the roster
views do. Bad input raises `ValidationError` with messages in the user's language; nothing is
half-saved (each change runs in one transaction).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts import audit
from portal.accounts.models import AuditLog
from portal.grids import scope
from portal.grids.models import CareRecipient, Steward
from portal.workorders import services as workorder_services
from portal.workorders.booking import bookable_pages
from portal.workorders.models import Category, WorkOrder

from .models import Campaign, CampaignVisit, FamilyContact, Handoff

# The weekly call to the family (每逢周一 … 与外地的儿女通个话): due this many days after the last contact.
FAMILY_CALL_DAYS = getattr(settings, "CARE_FAMILY_CALL_DAYS", 7)
# A hand-off books a listing under the service-directory category page with this slug.
HANDOFF_CATEGORY_SLUGS = {
    Handoff.Service.ELDERLY_CARE: "elderly-care",
    Handoff.Service.FAMILY_DOCTOR: "family-doctor",
}
MAX_SUMMARY = 1000


def _clean(value, max_length, label, *, required=True):
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(_("Please fill in %(field)s.") % {"field": label})
    if len(value) > max_length:
        raise ValidationError(
            _("%(field)s is too long (at most %(max)d characters).") % {"field": label, "max": max_length}
        )
    return value


# --- the elders a user may reach ---------------------------------------------------------------------


def elders_for(user):
    """Active elders on the user's roster, with `last_contact` (the family's) annotated."""
    return (
        scope.care_recipients_for(user)
        .filter(active=True)
        .annotate(last_contact=Max("family_contacts__contacted_on"))
        .select_related("household__unit__building__grid")
    )


def elder_for(user, pk, *, detail="care"):
    """The elder `pk` if on the user's roster (else Http404), the access audited."""
    recipient = (
        scope.care_recipients_for(user)
        .annotate(last_contact=Max("family_contacts__contacted_on"))
        .select_related("household__unit__building__grid")
        .filter(pk=pk)
        .first()
    )
    if recipient is None:
        raise Http404
    audit.record(user, AuditLog.Action.ROSTER_VIEW, recipient, detail)
    return recipient


@dataclass(frozen=True)
class CallStatus:
    last: datetime.date | None
    due_on: datetime.date
    state: str  # "ok", "due" (today or tomorrow) or "overdue"

    @property
    def overdue(self):
        return self.state == "overdue"


def call_status(recipient, today=None):
    """Whether the weekly call to the elder's family is due: FAMILY_CALL_DAYS after the last contact
    (or after the elder joined the roster, when the family was never contacted)."""
    today = today or timezone.localdate()
    last = getattr(recipient, "last_contact", None)
    if last is None and not hasattr(recipient, "last_contact"):
        last = recipient.family_contacts.aggregate(m=Max("contacted_on"))["m"]
    start = last or timezone.localtime(recipient.consent_given_at).date()
    due_on = start + datetime.timedelta(days=FAMILY_CALL_DAYS)
    if today > due_on:
        state = "overdue"
    elif (due_on - today).days <= 1:
        state = "due"
    else:
        state = "ok"
    return CallStatus(last, due_on, state)


# --- family contacts -----------------------------------------------------------------------------------


@transaction.atomic
def record_family_contact(user, recipient, *, person, means, summary, follow_up="", contacted_on=None):
    """Log a contact with the family of an elder on the user's roster."""
    if not scope.care_recipients_for(user).filter(pk=recipient.pk).exists():
        raise Http404
    errors = {}
    cleaned = {}
    for field, value, limit, label, required in (
        ("person", person, 50, _("who was contacted"), True),
        ("summary", summary, MAX_SUMMARY, _("what was said"), True),
        ("follow_up", follow_up, 200, _("follow-up needed"), False),
    ):
        try:
            cleaned[field] = _clean(value, limit, label, required=required)
        except ValidationError as exc:
            errors[field] = exc.messages
    if means not in FamilyContact.Means.values:
        errors["means"] = [_("Choose phone, WeChat or in person.")]
    today = timezone.localdate()
    contacted_on = contacted_on or today
    if contacted_on > today:
        errors["contacted_on"] = [_("The date cannot be in the future.")]
    if errors:
        raise ValidationError(errors)
    contact = FamilyContact.objects.create(
        recipient=recipient, contacted_on=contacted_on, means=means, entered_by=user, **cleaned
    )
    audit.record(user, AuditLog.Action.ROSTER_CHANGE, recipient, f"family contact {contact.pk}")
    return contact


# --- festival campaigns ---------------------------------------------------------------------------------


@transaction.atomic
def create_campaign(user, *, name, festival, gift, starts_on, ends_on):
    """A manager starts a festival campaign: every active elder on the roster is to be visited."""
    if not scope.is_manager(user):
        raise PermissionDenied(_("Only managers create festival campaigns."))
    errors = {}
    cleaned = {}
    for field, value, limit, label in (("name", name, 80, _("name")), ("gift", gift, 80, _("gift"))):
        try:
            cleaned[field] = _clean(value, limit, label)
        except ValidationError as exc:
            errors[field] = exc.messages
    if festival not in Campaign.Festival.values:
        errors["festival"] = [_("Choose a festival from the list.")]
    if not starts_on or not ends_on:
        errors["ends_on"] = [_("Please give the first and the last day.")]
    elif ends_on < starts_on:
        errors["ends_on"] = [_("The last day cannot be before the first day.")]
    if errors:
        raise ValidationError(errors)
    campaign = Campaign.objects.create(
        festival=festival, starts_on=starts_on, ends_on=ends_on, created_by=user, **cleaned
    )
    audit.record(user, AuditLog.Action.ROSTER_CHANGE, campaign, "campaign created")
    return campaign


def campaign_rows(user, campaign):
    """The elders on the user's roster for this campaign: [(elder, visit or None)], audited."""
    elders = list(scope.care_recipients_for(user).filter(active=True).select_related("household__unit__building__grid"))
    visits = {v.recipient_id: v for v in campaign.visits.filter(recipient__in=[e.pk for e in elders])}
    audit.record(user, AuditLog.Action.ROSTER_VIEW, campaign, f"campaign {len(elders)}")
    return [(elder, visits.get(elder.pk)) for elder in elders]


def campaign_progress(campaign, user):
    """Per grid and its steward(s): elders done and in all, for the grids the user sees the roster of."""
    grids = scope.roster_grids_for(user).order_by("number").prefetch_related("stewards")
    active = CareRecipient.objects.filter(active=True, household__unit__building__grid__in=grids)
    by_grid = "household__unit__building__grid"
    totals = dict(active.values(by_grid).annotate(n=Count("pk")).values_list(by_grid, "n"))
    done = dict(
        active.filter(campaign_visits__campaign=campaign)
        .values(by_grid)
        .annotate(n=Count("pk"))
        .values_list(by_grid, "n")
    )
    rows = []
    for grid in grids:
        total, count = totals.get(grid.pk, 0), done.get(grid.pk, 0)
        if not total:
            continue
        names = "、".join(s.name for s in grid.stewards.all() if s.active and s.kind == Steward.Kind.GRID)
        rows.append(
            {"grid": grid, "stewards": names, "done": count, "total": total, "percent": round(100 * count / total)}
        )
    return rows


@transaction.atomic
def mark_visited(user, campaign, recipient, note=""):
    """A steward ticks an elder of their grid as visited in the campaign (ticking twice changes nothing)."""
    if not scope.care_recipients_for(user).filter(pk=recipient.pk, active=True).exists():
        raise Http404
    note = _clean(note, 200, _("note"), required=False)
    if timezone.localdate() < campaign.starts_on:
        raise ValidationError(_("This campaign has not started yet."))
    visit, created = CampaignVisit.objects.get_or_create(
        campaign=campaign, recipient=recipient, defaults={"note": note, "done_by": user}
    )
    if created:
        audit.record(user, AuditLog.Action.ROSTER_CHANGE, recipient, f"campaign {campaign.pk} done")
    return visit


# --- hand-offs to the elderly-care and family-doctor services ------------------------------------------


def handoff_listings():
    """The bookable listings a hand-off may book, as [(service, page)]: the live listings under the
    service-directory categories named in HANDOFF_CATEGORY_SLUGS, in the active language (each
    listing once, not once per translation)."""
    from wagtail.models import Locale, Page

    found = []
    for service, slug in HANDOFF_CATEGORY_SLUGS.items():
        parents = list(Page.objects.filter(slug=slug).values_list("path", flat=True))
        if not parents:
            continue
        under = Q()
        for path in parents:
            under |= Q(path__startswith=path)
        for page in bookable_pages().filter(under, locale=Locale.get_active()).order_by("path"):
            found.append((service, page))
    return found


def book_handoff(user, recipient, *, listing_id, note=""):
    """Book an elderly-care or family-doctor listing for an elder, entered by their steward.

    The booking is an ordinary request made through `workorders.services.submit` (channel "in
    person", `entered_by` the steward, `service_page` the listing), so it reaches the partner's
    queue like any booking; the `Handoff` row links it back to the elder. One transaction: if the
    request cannot be made, no hand-off is kept, and the other way round.
    """
    if not scope.care_recipients_for(user).filter(pk=recipient.pk, active=True).exists():
        raise Http404
    note = _clean(note, 500, _("note"), required=False)
    choices = {page.pk: (service, page) for service, page in handoff_listings()}
    try:
        service, page = choices[int(listing_id)]
    except (KeyError, TypeError, ValueError):
        raise ValidationError(
            {"listing": [_("Choose an elderly-care or family-doctor service from the list.")]}
        ) from None
    category = Category.objects.filter(kind=Category.Kind.SERVICE_BOOKING, active=True).order_by("pk").first()
    if category is None:
        raise ValidationError(_("No booking category is set up; ask a manager to add one."))
    household = recipient.household
    if not household.phone:
        raise ValidationError(_("The elder's household has no mobile number; add it to the household first."))
    description = _("%(service)s for %(name)s, booked by the grid steward.") % {
        "service": Handoff.Service(service).label,
        "name": recipient.name,
    }
    if note:
        description = f"{description}\n{note}"
    with transaction.atomic():
        order = workorder_services.submit(
            workorder_services.Submission(
                category=category,
                name=recipient.name,
                phone=household.phone,
                description=description,
                building=household.unit.building,
                unit=household.unit.number,
                room=household.room,
                channel=WorkOrder.Channel.VISIT,
                entered_by=user,
                service_page=page,
            )
        )
        handoff = Handoff.objects.create(recipient=recipient, service=service, work_order=order, created_by=user)
        audit.record(user, AuditLog.Action.ROSTER_CHANGE, recipient, f"hand-off {order.number}")
    return handoff

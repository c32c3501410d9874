"""One function per partner action: apply, approve, reject, submit a listing change for review."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.roles import PARTNER

from .listings import listing_model
from .models import Partner, PartnerMembership


class PartnerError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@transaction.atomic
def apply(user, *, name, service_kind, contact_name, contact_phone, description=""):
    """A signed-up account applies to become a partner; staff review it."""
    if PartnerMembership.objects.filter(user=user).exists():
        raise PartnerError(_("This account already belongs to a partner."))
    if Partner.objects.filter(name=name).exists():
        raise PartnerError(_("A partner with this name already exists."))
    partner = Partner.objects.create(
        name=name,
        service_kind=service_kind,
        contact_name=contact_name,
        contact_phone=contact_phone,
        description=description,
    )
    PartnerMembership.objects.create(user=user, partner=partner)
    return partner


@transaction.atomic
def approve(partner, by):
    """Staff approve: the partner's accounts join the partner role (no admin, no user management)."""
    partner.status = Partner.Status.APPROVED
    partner.reviewed_at = timezone.now()
    partner.reviewed_by = by
    partner.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    group, _created = Group.objects.get_or_create(name=PARTNER)
    for membership in partner.members.select_related("user"):
        membership.user.groups.add(group)
    return partner


@transaction.atomic
def reject(partner, by, status=Partner.Status.REJECTED):
    partner.status = status
    partner.reviewed_at = timezone.now()
    partner.reviewed_by = by
    partner.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    group = Group.objects.filter(name=PARTNER).first()
    if group is not None:
        for membership in partner.members.select_related("user"):
            membership.user.groups.remove(group)
    return partner


def partner_of(user):
    """The approved partner this user acts for, or None."""
    if not user.is_authenticated:
        return None
    membership = PartnerMembership.objects.select_related("partner").filter(user=user).first()
    if membership is None or not membership.partner.is_approved:
        return None
    return membership.partner


def own_listings(partner):
    from wagtail.models import Locale

    # The listings in the site's own language: their translations (wagtail-localize) are synced from
    # these, so a partner edits the source and never an English copy.
    return (
        listing_model()
        .objects.filter(partner=partner, locale=Locale.get_default())
        .select_related("partner")
        .order_by("title")
    )


@transaction.atomic
def submit_listing_change(listing, user, changes):
    """Save the partner's edit as a new revision and send it to review; nothing goes live here.

    `changes` maps field names of the listing to new values. Any review already in progress is
    cancelled and restarted on the new revision, so the editor always approves the latest text.
    """
    partner = partner_of(user)
    if partner is None or listing.partner_id != partner.pk:
        raise PermissionDenied
    draft = listing.get_latest_revision_as_object()
    for field, value in changes.items():
        setattr(draft, field, value)
    revision = draft.save_revision(user=user, log_action=True)
    workflow = listing.get_workflow()
    if workflow is None:
        raise PartnerError(_("No review workflow is set up for service listings; ask the editors."))
    state = listing.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    listing.refresh_from_db()
    workflow.start(listing, user)
    return revision

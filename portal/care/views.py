"""Site views of the care app, for grid stewards on a phone and managers. Each view calls one function
of `services`, which checks scope and writes the audit log; the views only read forms and render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts import audit
from portal.accounts.models import AuditLog
from portal.grids import scope
from portal.grids.views import roster_required

from . import services
from .forms import CampaignForm, FamilyContactForm, HandoffForm
from .models import Campaign


def _add_errors(form, exc):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@roster_required
def calls(request):
    """Every elder of the user's roster with the weekly family call: overdue first."""
    rows = [(elder, services.call_status(elder)) for elder in services.elders_for(request.user)]
    order = {"overdue": 0, "due": 1, "ok": 2}
    rows.sort(key=lambda row: (order[row[1].state], row[1].due_on))
    audit.record(request.user, AuditLog.Action.ROSTER_VIEW, None, f"family calls {len(rows)}")
    return render(request, "care/calls.html", {"rows": rows, "days": services.FAMILY_CALL_DAYS})


def _elder_page(request, elder, *, contact_form=None, handoff_form=None, status=200):
    listings = services.handoff_listings()
    return render(
        request,
        "care/elder.html",
        {
            "elder": elder,
            "call": services.call_status(elder),
            "contacts": elder.family_contacts.select_related("entered_by")[:20],
            "handoffs": elder.handoffs.select_related("work_order")[:10],
            "contact_form": contact_form or FamilyContactForm(),
            "handoff_form": handoff_form or HandoffForm(listings=listings),
        },
        status=status,
    )


@roster_required
def elder(request, pk):
    return _elder_page(request, services.elder_for(request.user, pk, detail="family"))


@roster_required
@require_POST
def contact_add(request, pk):
    recipient = services.elder_for(request.user, pk, detail="family contact")
    form = FamilyContactForm(request.POST)
    if form.is_valid():
        try:
            services.record_family_contact(request.user, recipient, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Family contact saved."))
            return redirect("care:elder", pk=recipient.pk)
    return _elder_page(request, recipient, contact_form=form, status=400)


@roster_required
@require_POST
def handoff_add(request, pk):
    recipient = services.elder_for(request.user, pk, detail="hand-off")
    form = HandoffForm(request.POST, listings=services.handoff_listings())
    if form.is_valid():
        try:
            handoff = services.book_handoff(
                request.user, recipient, listing_id=form.cleaned_data["listing"], note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Booked: request %(number)s is on its way to the provider.") % {"number": handoff.work_order.number},
            )
            return redirect("care:elder", pk=recipient.pk)
    return _elder_page(request, recipient, handoff_form=form, status=400)


@roster_required
def campaigns(request):
    return render(
        request,
        "care/campaigns.html",
        {
            "campaigns": Campaign.objects.all()[:50],
            "form": CampaignForm() if scope.is_manager(request.user) else None,
        },
    )


@roster_required
@require_POST
def campaign_add(request):
    if not scope.is_manager(request.user):
        raise PermissionDenied
    form = CampaignForm(request.POST)
    if form.is_valid():
        try:
            campaign = services.create_campaign(request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Campaign created."))
            return redirect("care:campaign", pk=campaign.pk)
    context = {"campaigns": Campaign.objects.all()[:50], "form": form}
    return render(request, "care/campaigns.html", context, status=400)


def _campaign_page(request, campaign, *, error=None, status=200):
    rows = services.campaign_rows(request.user, campaign)
    return render(
        request,
        "care/campaign.html",
        {
            "campaign": campaign,
            "rows": rows,
            "done": sum(1 for _elder, visit in rows if visit),
            "progress": services.campaign_progress(campaign, request.user) if scope.is_manager(request.user) else None,
            "error": error,
        },
        status=status,
    )


@roster_required
def campaign(request, pk):
    return _campaign_page(request, get_object_or_404(Campaign, pk=pk))


@roster_required
@require_POST
def campaign_tick(request, pk, elder):
    campaign = get_object_or_404(Campaign, pk=pk)
    recipient = services.elder_for(request.user, elder, detail="campaign")
    try:
        services.mark_visited(request.user, campaign, recipient, request.POST.get("note", ""))
    except ValidationError as exc:
        return _campaign_page(request, campaign, error=" ".join(exc.messages), status=400)
    messages.success(request, _("%(name)s: done.") % {"name": recipient.name})
    return redirect("care:campaign", pk=campaign.pk)

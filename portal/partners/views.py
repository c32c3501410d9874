"""The partner's pages on the site: apply, and edit only its own listings (changes go to review).

Partners never enter the Wagtail admin; every view here checks the listing belongs to the
partner the account acts for, and answers 404 otherwise.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from . import services
from .forms import ListingForm, PartnerApplicationForm
from .models import PartnerMembership


def render(request, template, context, status=200):
    """Site pages outside the page tree: the header links home through the site's root page."""
    site = Site.find_for_request(request)
    context = {"page": site.root_page.specific if site else None, **context}
    return TemplateResponse(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def apply(request):
    membership = PartnerMembership.objects.select_related("partner").filter(user=request.user).first()
    if membership is not None:
        return render(request, "pages/partner_status.html", {"partner": membership.partner})
    form = PartnerApplicationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.apply(request.user, **form.cleaned_data)
            except services.PartnerError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Thank you. Staff will review your application."))
                return redirect("partners:apply")
        return render(request, "pages/partner_apply.html", {"form": form}, status=400)
    return render(request, "pages/partner_apply.html", {"form": form})


def _partner_or_404(request):
    partner = services.partner_of(request.user)
    if partner is None:
        raise Http404
    return partner


@login_required
def dashboard(request):
    """The partner's listings; an account whose application is not approved (yet) sees its status,
    one without an application is sent to apply."""
    membership = PartnerMembership.objects.select_related("partner").filter(user=request.user).first()
    if membership is None:
        return redirect("partners:apply")
    if not membership.partner.is_approved:
        return render(request, "pages/partner_status.html", {"partner": membership.partner})
    partner = membership.partner
    listings = list(services.own_listings(partner))
    return render(request, "pages/partner_dashboard.html", {"partner": partner, "listings": listings})


@login_required
@require_http_methods(["GET", "POST"])
def edit_listing(request, page_id):
    partner = _partner_or_404(request)
    listing = services.own_listings(partner).filter(pk=page_id).first()
    if listing is None:
        raise Http404
    with_menu = bool(listing.weekly_menu) or "食堂" in listing.title
    if request.method == "POST":
        form = ListingForm(request.POST, with_menu=with_menu)
        if form.is_valid():
            try:
                services.submit_listing_change(listing, request.user, form.changes())
            except services.PartnerError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Your changes were sent for review; they go live once an editor approves."))
                return redirect("partners:dashboard")
        status = 400
    else:
        draft = listing.get_latest_revision_as_object()
        form = ListingForm(initial=ListingForm.initial_for(draft, with_menu), with_menu=with_menu)
        status = 200
    context = {"partner": partner, "listing": listing, "form": form}
    return render(request, "pages/partner_listing_form.html", context, status=status)

"""The resident's side: receipt, look-up (number + code), rating, "not fixed", me too, 我的报事.

The lookup code in the URL is the resident's key to their request; pages behind it show the
request to whoever holds the link (as a parcel tracking link does) and are never cached or indexed.

Neighbours find open public-area requests on `/requests/public/` (by community and building,
without the requester's name, phone, room or description) and add "me too" there.
"""

import secrets
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from portal.common.qr import qr_svg
from portal.grids.models import Building, Community

from . import limits, services
from .cleaning import clean_text
from .models import Category, WorkOrder

STAR_CHOICES = [(i, str(i)) for i in range(5, 0, -1)]


class LookupForm(forms.Form):
    number = forms.CharField(
        label=_("Request number"), max_length=20, widget=forms.TextInput(attrs={"placeholder": "BY-20261125-0042"})
    )
    code = forms.CharField(label=_("Lookup code"), max_length=16)

    def clean_number(self):
        return clean_text(self.cleaned_data["number"]).upper().replace(" ", "")

    def clean_code(self):
        return clean_text(self.cleaned_data["code"]).upper().replace(" ", "")


class RatingForm(forms.Form):
    speed = forms.TypedChoiceField(label=_("Speed"), choices=STAR_CHOICES, coerce=int, widget=forms.RadioSelect)
    quality = forms.TypedChoiceField(label=_("Quality"), choices=STAR_CHOICES, coerce=int, widget=forms.RadioSelect)
    attitude = forms.TypedChoiceField(label=_("Attitude"), choices=STAR_CHOICES, coerce=int, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReopenForm(forms.Form):
    note = forms.CharField(label=_("What is still wrong?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class PublicFilterForm(forms.Form):
    community = forms.ModelChoiceField(
        Community.objects.all(), label=_("Community"), required=False, empty_label=_("All communities")
    )
    building = forms.ModelChoiceField(
        Building.objects.select_related("community"),
        label=_("Building"),
        required=False,
        empty_label=_("All buildings"),
    )

    def query(self):
        """The validated filters as a query string (for links and the redirect after "me too")."""
        data = getattr(self, "cleaned_data", {})
        return urlencode({k: data[k].pk for k in ("community", "building") if data.get(k)})


class MeTooForm(forms.Form):
    phone = forms.CharField(
        label=_("Your mobile number"),
        max_length=30,
        help_text=_("Only so that you are counted once. Nobody else sees it."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )


def find_order(number, token):
    """The request with this number and code, or 404 (also when the code is wrong)."""
    order = (
        WorkOrder.objects.select_related("category", "building__community", "assignee", "duplicate_of", "service_page")
        .filter(number=str(number).upper()[:20])
        .first()
    )
    if order is None or not secrets.compare_digest(order.lookup_token, str(token).upper()[:16]):
        raise Http404
    return order


def lookup_url(request, order):
    return request.build_absolute_uri(reverse("workorders:detail", args=[order.number, order.lookup_token]))


def _detail_context(request, order, **extra):
    url = lookup_url(request, order)
    context = {
        "order": order,
        "lookup_url": url,
        "qr_svg": qr_svg(url, scale=4).decode(),
        "trail": order.transitions.all(),
        "photos": order.photos.all(),
        "rating": order.latest_rating(),
        "can_rate": order.can_be_rated(),
        "can_reopen": order.status in services.TRANSITIONS["reopen"][0],
        "me_too_count": order.me_toos.count(),
    }
    context.setdefault("rating_form", RatingForm())
    context.setdefault("reopen_form", ReopenForm())
    context.update(extra)
    return context


def render(request, template, context, status=200):
    """Render a portal view inside the site's layout (the header links home through `page`)."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    context.setdefault("page", site.root_page.specific if site else None)
    return django_render(request, template, context, status=status)


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def receipt(request, number, token):
    order = find_order(number, token)
    return _private(render(request, "pages/workorder_receipt.html", _detail_context(request, order)))


@never_cache
@require_http_methods(["GET", "POST"])
def detail(request, number, token):
    order = find_order(number, token)
    status = 200
    extra = {}
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "rate":
                form = RatingForm(request.POST)
                extra["rating_form"] = form
                if not form.is_valid():
                    raise ValidationError(_("Please give 1 to 5 stars for each question."))
                services.rate(order, **form.cleaned_data)
            elif action == "reopen":
                form = ReopenForm(request.POST)
                extra["reopen_form"] = form
                if not form.is_valid():
                    raise ValidationError(_("Please tell us what is still wrong."))
                services.reopen(order, resident=True, note=form.cleaned_data["note"])
            else:
                raise ValidationError(_("Unknown action."))
        except services.WorkflowError as exc:
            extra["error"] = exc.message
            status = 409
        except ValidationError as exc:
            extra["error"] = " ".join(exc.messages)
            status = 400
        else:
            return redirect("workorders:detail", number=order.number, token=order.lookup_token)
        order.refresh_from_db()
    response = render(request, "pages/workorder_detail.html", _detail_context(request, order, **extra), status=status)
    return _private(response)


@never_cache
def lookup(request):
    form = LookupForm(request.GET or None)
    status = 200
    if form.is_bound:
        try:
            limits.check_lookup(request)
        except limits.RateLimited as exc:
            form.add_error(None, exc)
            status = 429
        if status == 200 and form.is_valid():
            order = WorkOrder.objects.filter(number=form.cleaned_data["number"]).first()
            if order is not None and secrets.compare_digest(order.lookup_token, form.cleaned_data["code"]):
                return redirect("workorders:detail", number=order.number, token=order.lookup_token)
            form.add_error(None, _("No request matches this number and code. Please check both."))
            status = 404
        elif status == 200:
            status = 400
    return _private(render(request, "pages/workorder_lookup.html", {"form": form}, status=status))


@login_required
@never_cache
def mine(request):
    orders = WorkOrder.objects.filter(resident=request.user).select_related("category", "building__community")
    page = Paginator(orders, 20).get_page(request.GET.get("page"))
    return _private(render(request, "pages/workorder_mine.html", {"page_obj": page}))


@never_cache
def photo(request, number, token, photo_id, size="full"):
    order = find_order(number, token)
    item = get_object_or_404(order.photos, pk=photo_id)
    field = item.thumbnail if size == "thumb" else item.image
    try:
        handle = field.open("rb")
    except OSError as exc:
        raise Http404 from exc
    return _private(FileResponse(handle, content_type="image/jpeg"))


PUBLIC_PER_PAGE = 20


def _public_context(request, filters, me_too_forms=None, errors=None):
    orders = (
        WorkOrder.objects.open()
        .filter(category__kind=Category.Kind.PUBLIC_AREA)
        .select_related("category", "building__community")
        .annotate(n_me_too=Count("me_toos"))
        .order_by("-submitted_at", "-pk")
    )
    if filters.is_valid():
        if filters.cleaned_data.get("community"):
            orders = orders.filter(building__community=filters.cleaned_data["community"])
        if filters.cleaned_data.get("building"):
            orders = orders.filter(building=filters.cleaned_data["building"])
    else:
        orders = orders.none()
    page = Paginator(orders, PUBLIC_PER_PAGE).get_page(request.GET.get("page") or request.POST.get("page"))
    phone = ""
    if request.user.is_authenticated:
        profile = getattr(request.user, "resident_profile", None)
        phone = profile.phone if profile else ""
    me_too_forms = me_too_forms or {}
    rows = [
        (order, me_too_forms.get(order.number) or MeTooForm(initial={"phone": phone}, auto_id=f"me-too-{order.pk}-%s"))
        for order in page
    ]
    return {
        "filters": filters,
        "filter_query": filters.query() if filters.is_valid() else "",
        "page_obj": page,
        "rows": rows,
        "errors": errors or {},
    }


@never_cache
def public_requests(request):
    """Open public-area requests (drains, street lights, lifts) a neighbour can add "me too" to."""
    filters = PublicFilterForm(request.GET)
    status = 200 if filters.is_valid() else 400
    return _private(render(request, "pages/workorder_public.html", _public_context(request, filters), status=status))


@never_cache
@require_POST
def me_too(request, number):
    """A neighbour has the same problem: count them once on an open public-area request."""
    order = WorkOrder.objects.select_related("category").filter(number=str(number).upper()[:20]).first()
    if order is None:
        raise Http404
    filters = PublicFilterForm(request.POST)
    form = MeTooForm(request.POST, auto_id=f"me-too-{order.pk}-%s")
    try:
        limits.check_me_too(request)
        if not form.is_valid():
            raise ValidationError(_("Enter your mobile number to add “me too”."))
        count, created = services.me_too(order, phone=form.cleaned_data["phone"], user=request.user)
    except limits.RateLimited as exc:
        error, status = exc.messages[0], 429
    except services.WorkflowError as exc:
        error, status = exc.message, 409
    except ValidationError as exc:
        error, status = " ".join(exc.messages), 400
    else:
        if created:
            messages.success(
                request,
                _("Thank you. %(count)s neighbours now have the same problem as request %(number)s; staff see this.")
                % {"count": count, "number": order.number},
            )
        else:
            messages.info(
                request, _("You had already added “me too” to request %(number)s.") % {"number": order.number}
            )
        query = filters.query() if filters.is_valid() else ""
        return redirect(reverse("workorders:public") + (f"?{query}" if query else "") + f"#request-{order.pk}")
    filters.is_valid()
    context = _public_context(request, filters, {order.number: form}, {order.number: error})
    context["error"] = error
    return _private(render(request, "pages/workorder_public.html", context, status=status))

"""The resident's side: receipt, look-up (number + code), rating, "not fixed", me too, 我的报事.

The lookup code in the URL is the resident's key to their request; pages behind it show the
request to whoever holds the link (as a parcel tracking link does) and are never cached or indexed.
"""

import secrets

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.core.qr import qr_svg

from . import limits, services
from .cleaning import clean_text
from .models import WorkOrder

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


def _can_rate(order):
    if order.status not in (WorkOrder.Status.RESOLVED, WorkOrder.Status.CLOSED) or order.resolved_at is None:
        return False
    return not order.ratings.filter(created_at__gte=order.resolved_at).exists()


def _detail_context(request, order, **extra):
    url = lookup_url(request, order)
    context = {
        "order": order,
        "lookup_url": url,
        "qr_svg": qr_svg(url, scale=4).decode(),
        "trail": order.transitions.all(),
        "photos": order.photos.all(),
        "rating": order.latest_rating(),
        "can_rate": _can_rate(order),
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

"""Site views around a sign-up: confirmation, QR, cancellation, door check-in, steward on behalf."""

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from portal.common.qr import qr_svg

from .forms import SignupForm
from .models import EventPage, EventSignup
from .services import SignupError, cancel, confirm_offer, mark_attended, sign_up


def _signup(token):
    return get_object_or_404(EventSignup.objects.select_related("event"), token=token)


def checkin_url(request, signup):
    return request.build_absolute_uri(reverse("events:checkin", args=[signup.code]))


def signup_detail(request, token):
    signup = _signup(token)
    context = {"signup": signup, "event": signup.event, "page": signup.event}
    response = TemplateResponse(request, "pages/event_signup.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def signup_qr(request, token):
    signup = _signup(token)
    return HttpResponse(qr_svg(checkin_url(request, signup)), content_type="image/svg+xml")


class OfferForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Sign-up code"), max_length=8)
    phone = forms.RegexField(
        label=gettext_lazy("Mobile number"),
        regex=r"^1[3-9]\d{9}$",
        error_messages={"invalid": gettext_lazy("Enter the 11-digit mobile number you signed up with.")},
    )


@require_http_methods(["GET", "POST"])
def offer_confirm(request):
    """A freed waiting-list place, confirmed with the code and number from the text message."""
    form = OfferForm(request.POST or None, initial={"code": request.GET.get("code", "")[:8]})
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            signup = confirm_offer(form.cleaned_data["code"], form.cleaned_data["phone"])
        except SignupError as exc:
            error = exc.message
        else:
            return redirect("events:signup", token=signup.token)
    status = 400 if request.method == "POST" else 200
    response = TemplateResponse(request, "pages/event_offer.html", {"form": form, "error": error}, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def signup_cancel(request, token):
    signup = _signup(token)
    error = None
    if request.method == "POST":
        try:
            cancel(token)
        except SignupError as exc:
            error = exc.message
        else:
            return redirect("events:signup", token=token)
    context = {"signup": signup, "event": signup.event, "page": signup.event, "error": error}
    return TemplateResponse(request, "pages/event_signup_cancel.html", context, status=400 if error else 200)


@login_required
@permission_required("events.change_eventsignup", raise_exception=True)
@require_http_methods(["GET", "POST"])
def checkin(request, code):
    signup = EventSignup.objects.select_related("event").filter(code=code.upper()).first()
    if signup is None:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            signup = mark_attended(code, request.user)
        except SignupError as exc:
            error = exc.message
    context = {"signup": signup, "event": signup.event, "page": signup.event, "error": error}
    return TemplateResponse(request, "pages/event_checkin.html", context, status=400 if error else 200)


@login_required
@permission_required("events.add_eventsignup", raise_exception=True)
@require_http_methods(["GET", "POST"])
def sign_up_on_behalf(request, page_id):
    """A steward signs up an elderly resident; the confirmation is printed or read out to them."""
    event = get_object_or_404(EventPage.objects.live(), pk=page_id)
    form = SignupForm(request.POST or None, event=event)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                signup = sign_up(event, registered_by=request.user, **form.signup_data())
            except SignupError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("events:signup", token=signup.token)
        status = 400
    context = {"event": event, "page": event, "form": form}
    return TemplateResponse(request, "pages/event_on_behalf.html", context, status=status)

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.grids.models import Building, Household

from . import services
from .models import ResidentProfile


class BindingForm(forms.Form):
    building = forms.ModelChoiceField(label=gettext_lazy("Building"), queryset=Building.objects.all())
    unit = forms.IntegerField(label=gettext_lazy("Unit"), min_value=1, max_value=50)
    room = forms.CharField(label=gettext_lazy("Room"), max_length=10)
    real_name = forms.CharField(label=gettext_lazy("Your name"), max_length=50)
    phone = forms.RegexField(
        label=gettext_lazy("Your phone"),
        regex=r"^1\d{10}$",
        error_messages={"invalid": gettext_lazy("Enter an 11-digit mobile number.")},
    )
    consent = forms.BooleanField(
        label=gettext_lazy("I agree that staff use my name and phone to verify my home."),
        error_messages={"required": gettext_lazy("Consent is needed to verify your home.")},
    )


@login_required
def my_household(request):
    profile = ResidentProfile.objects.filter(user=request.user).select_related("household__unit__building").first()
    form = BindingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        household = Household.objects.filter(
            unit__building=data["building"], unit__number=data["unit"], room=data["room"].strip()
        ).first()
        try:
            profile = services.request_binding(
                request.user, household, real_name=data["real_name"], phone=data["phone"]
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Thank you. Staff will confirm your home soon."))
            return redirect("accounts:my_household")
    return render(
        request,
        "accounts/my_household.html",
        {"profile": profile, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def my_data(request):
    return render(request, "accounts/my_data.html", {})


@login_required
def my_data_download(request):
    payload = json.dumps(services.export_own_data(request.user), ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required
@require_POST
def my_data_delete(request):
    if request.POST.get("confirm") != "yes":
        return render(
            request, "accounts/my_data.html", {"error": _("Tick the box to confirm the deletion.")}, status=400
        )
    try:
        services.delete_own_data(request.user)
    except PermissionDenied:
        return render(
            request, "accounts/my_data.html", {"error": _("Staff accounts are closed by an administrator.")}, status=403
        )
    logout(request)
    messages.success(request, _("Your account and personal data have been deleted."))
    return redirect("/")


CLAIM_LABELS = {"requests": gettext_lazy("requests and bookings"), "events": gettext_lazy("event sign-ups")}


@login_required
def claim(request):
    """Requests and sign-ups made with the resident's verified number before the account existed:
    shown (counts only) and added to the account when the resident confirms."""
    from portal.common.masking import mask_phone

    from . import claims
    from .models import PhoneNumber

    number = PhoneNumber.objects.filter(user=request.user, verified=True).first()
    found = claims.unclaimed(number.phone) if number else {}
    if request.method == "POST":
        if request.POST.get("confirm") != "yes" or not found:
            error = _("Tick the box to add them to your account.") if found else _("There is nothing to add.")
            context = {"number": number and mask_phone(number.phone), "found": _labelled(found), "error": error}
            return render(request, "accounts/claim.html", context, status=400)
        claimed = claims.claim(request.user)
        messages.success(request, _("Added to your account: %(what)s.") % {"what": _summary(claimed)})
        return redirect("accounts:my_data")
    context = {"number": number and mask_phone(number.phone), "found": _labelled(found)}
    return render(request, "accounts/claim.html", context)


def _labelled(found):
    return [(CLAIM_LABELS.get(label, label), count) for label, count in found.items()]


def _summary(found):
    return "，".join(f"{label} {count}" for label, count in _labelled(found)) or "—"

"""allauth's account adapter: residents sign up and sign in with a mainland mobile number and a code
sent by SMS through the outbox (allauth's own phone support: ACCOUNT_LOGIN_METHODS has "phone").

allauth keeps numbers in E.164 (+8613812345678); the portal stores and shows the 11 digits."""

import re

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import PhoneNumber

MAINLAND = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")


def to_local(phone):
    """'+8613812345678' or '13812345678' → '13812345678'; None for anything else."""
    match = MAINLAND.match(re.sub(r"[\s\-()]", "", phone or ""))
    return match.group(1) if match else None


class MainlandPhoneField(forms.CharField):
    """An 11-digit mainland mobile number (with or without +86), cleaned to E.164 for allauth."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Mobile number"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"autocomplete": "tel", "type": "tel", "inputmode": "numeric", "placeholder": "13812345678"}
            ),
        )
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        value = value.translate(str.maketrans("０１２３４５６７８９＋", "0123456789+"))
        local = to_local(value)
        if local is None:
            raise ValidationError(_("Enter an 11-digit mainland mobile number, for example 13812345678."), "invalid")
        return f"+86{local}"


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs):
        return MainlandPhoneField(**kwargs)

    def set_phone(self, user, phone, verified):
        local = to_local(phone)
        with transaction.atomic():
            PhoneNumber.objects.filter(user=user).exclude(phone=local).delete()
            PhoneNumber.objects.update_or_create(
                user=user,
                defaults={"phone": local, "verified": verified, "verified_at": timezone.now() if verified else None},
            )

    def get_phone(self, user):
        number = PhoneNumber.objects.filter(user=user).first()
        return (f"+86{number.phone}", number.verified) if number else None

    def set_phone_verified(self, user, phone):
        PhoneNumber.objects.filter(user=user, phone=to_local(phone)).update(verified=True, verified_at=timezone.now())

    def get_user_by_phone(self, phone):
        number = PhoneNumber.objects.filter(phone=to_local(phone) or "").select_related("user").first()
        return number.user if number and number.user.is_active else None

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        # Through the outbox like every message; the code is never logged and is blanked once sent.
        from portal.notifications import outbox

        outbox.queue_message("login_code", {"code": code}, phone=to_local(phone))

    def _claim_url(self, request):
        """Where a resident goes first when requests made with their number wait to be claimed."""
        from . import claims

        number = PhoneNumber.objects.filter(user=request.user, verified=True).first()
        return reverse("accounts:claim") if number and claims.unclaimed(number.phone) else None

    def get_login_redirect_url(self, request):
        return self._claim_url(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self._claim_url(request) or super().get_signup_redirect_url(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def get_app(self, request, provider, client_id=None):
        """A provider with no app configured (WeChat without WEIXIN_APP_ID or an admin entry) is off:
        its log-in address answers 404 instead of failing."""
        try:
            return super().get_app(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist as exc:
            raise Http404(f"{provider} log-in is not configured") from exc

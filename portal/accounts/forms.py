"""allauth's sign-up form, saying what a resident may leave out.

Residents sign in with their mobile number and a code sent by SMS, so the password is optional
(ACCOUNT_SIGNUP_FIELDS has no "password1*"); allauth's own form labels it as if it were required.
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "phone" in self.fields:
            self.fields["phone"].label = _("Mobile number")
        password = self.fields.get("password1")
        if password is not None and not password.required:
            password.label = _("Password (optional)")
            password.help_text = format_html(
                "{} {}",
                _("You can leave it empty and sign in with a code sent to your mobile. If you set one:"),
                password.help_text,
            )
            if "password2" in self.fields:
                self.fields["password2"].label = _("Password again (optional)")

"""The sign-up form, shared by the event page, the steward's on-behalf form and the API."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.common.phone import validate_mobile


class SignupForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=50,
        error_messages={"required": _("Please enter your name."), "max_length": _("The name is too long.")},
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        help_text=_("For the reminder the day before; staff see only the first three and last four digits."),
        error_messages={"required": _("Please enter your mobile number.")},
    )
    party_size = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        initial=1,
        error_messages={
            "required": _("Please say how many people will come."),
            "invalid": _("The number of people must be a whole number."),
            "min_value": _("At least one person must come."),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that my name and phone are used only to organise this event."),
        error_messages={"required": _("Please agree to the use of your details for this event.")},
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event is not None:
            self.fields["party_size"].max_value = event.max_party_size
            self.fields["party_size"].widget.attrs["max"] = event.max_party_size

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Please enter your name."))
        return name

    def clean_phone(self):
        return validate_mobile(self.cleaned_data["phone"])

    def clean_party_size(self):
        size = self.cleaned_data["party_size"]
        if self.event is not None and size > self.event.max_party_size:
            raise ValidationError(
                _("At most %(count)s people per sign-up for this event.") % {"count": self.event.max_party_size}
            )
        return size

    def signup_data(self):
        return {key: self.cleaned_data[key] for key in ("name", "phone", "party_size")}

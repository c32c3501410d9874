"""Phone-sized forms: a family contact in a few taps, a campaign, a campaign tick, a hand-off."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Campaign, FamilyContact


class FamilyContactForm(forms.Form):
    means = forms.ChoiceField(
        label=_("By"), choices=FamilyContact.Means.choices, initial=FamilyContact.Means.PHONE, widget=forms.RadioSelect
    )
    person = forms.CharField(
        label=_("Who was contacted"),
        max_length=50,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. son, Mr Pang")}),
    )
    contacted_on = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    summary = forms.CharField(label=_("What was said"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    follow_up = forms.CharField(
        label=_("Follow-up needed"),
        max_length=200,
        required=False,
        help_text=_("Leave empty when nothing is to be done."),
    )


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    festival = forms.ChoiceField(label=_("Festival"), choices=Campaign.Festival.choices)
    gift = forms.CharField(label=_("Gift"), max_length=80)
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    ends_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class HandoffForm(forms.Form):
    listing = forms.TypedChoiceField(label=_("Service"), coerce=int, choices=())
    note = forms.CharField(
        label=_("Note for the provider"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, listings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["listing"].choices = [(page.pk, page.title) for _service, page in listings]

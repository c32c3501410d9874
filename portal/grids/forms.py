from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Household


class VisitForm(forms.Form):
    household = forms.ModelChoiceField(
        label=_("Household"), queryset=Household.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    visited_on = forms.DateField(
        label=_("Visit date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    problem = forms.CharField(
        label=_("Problem found"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Describe anything that needs fixing or following up."),
    )
    make_request = forms.BooleanField(
        label=_("Turn the problem into a request"),
        required=False,
        help_text=_("Creates a repair request for this household in one step."),
    )
    category = forms.ModelChoiceField(label=_("Request category"), queryset=Household.objects.none(), required=False)

    def __init__(self, *args, households=None, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households if households is not None else Household.objects.none()
        self.fields["household"].label_from_instance = lambda h: h.room
        if categories is None:
            del self.fields["make_request"]
            del self.fields["category"]
        else:
            self.fields["category"].queryset = categories

    def clean_visited_on(self):
        value = self.cleaned_data["visited_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("A visit cannot be in the future."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("make_request"):
            if not (data.get("problem") or "").strip():
                self.add_error("problem", _("Describe the problem to turn it into a request."))
            if not data.get("category"):
                self.add_error("category", _("Choose the request category."))
        return data


class CareRecipientForm(forms.Form):
    household = forms.ModelChoiceField(label=_("Household"), queryset=Household.objects.none())
    name = forms.CharField(label=_("Name"), max_length=50)
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900, max_value=2100)
    needs = forms.CharField(
        label=_("Care needs"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    emergency_contact = forms.CharField(label=_("Emergency contact"), max_length=100, required=False)
    visit_every_days = forms.IntegerField(label=_("Visit every (days)"), min_value=1, max_value=90, initial=7)
    consent_by = forms.CharField(
        label=_("Consent given by"), max_length=50, help_text=_("The person themselves or their guardian.")
    )
    consent = forms.BooleanField(
        label=_("The person (or guardian) gave separate consent to record this sensitive information."),
        required=True,
        error_messages={"required": _("Separate consent is required before recording a care-roster entry.")},
    )

    def __init__(self, *args, households=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households if households is not None else Household.objects.none()


class HouseholdImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("An .xlsx or .csv file with the columns 楼号, 单元, 房号, 户主, 电话, 人数."),
    )

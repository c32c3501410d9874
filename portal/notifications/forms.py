from django import forms

from . import kinds
from .models import Preference


class PreferencesForm(forms.Form):
    """One choice per message kind a resident receives: SMS, email or nothing."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        chosen = dict(Preference.objects.filter(user=user).values_list("kind", "channel"))
        for kind in kinds.resident_choosable():
            choices = [c for c in Preference.Choice.choices if c[0] in kind.channels or c[0] == "none"]
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label,
                choices=choices,
                initial=chosen.get(kind.name, kind.channels[0]),
                widget=forms.RadioSelect,
            )

    def save(self):
        for name, channel in self.cleaned_data.items():
            Preference.objects.update_or_create(user=self.user, kind=name, defaults={"channel": channel})

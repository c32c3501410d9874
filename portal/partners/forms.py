"""Partner application and the partner's own listing editor (plain fields, parsed into blocks)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from portal.common.phone import validate_mobile
from portal.common.weekdays import WEEKDAYS


class PartnerApplicationForm(forms.Form):
    name = forms.CharField(label=_("Organisation name"), max_length=100)
    service_kind = forms.CharField(
        label=_("Services offered"), max_length=100, help_text=_("For example 公益食堂, 居家养老, 家政保洁.")
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=50)
    contact_phone = forms.CharField(label=_("Contact mobile"), max_length=30)
    description = forms.CharField(label=_("About the organisation"), widget=forms.Textarea, required=False)

    def clean_contact_phone(self):
        return validate_mobile(self.cleaned_data["contact_phone"])


class ListingForm(forms.Form):
    """What a partner may change on its own listing; title, category and partner stay with editors."""

    listing_summary = forms.CharField(label=_("Summary"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Separate paragraphs with an empty line."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)
    eligibility = forms.CharField(label=_("Who can use it"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    prices = forms.CharField(
        label=_("Prices"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One per line: item, a space or colon, then the price. For example 上门保洁2小时：80元"),
    )

    def __init__(self, *args, with_menu=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_menu = with_menu
        if with_menu:
            for number, label in WEEKDAYS:
                self.fields[f"menu_{number}"] = forms.CharField(
                    label=label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text=_("Lunch dishes separated by commas."),
                )

    @staticmethod
    def initial_for(listing, with_menu=False):
        paragraphs = [p for p in listing.description.replace("</p>", "\n\n").replace("<p>", "").split("\n\n") if p]
        initial = {
            "listing_summary": listing.listing_summary,
            "description": "\n\n".join(p.strip() for p in paragraphs),
            "contact_name": listing.contact_name,
            "contact_phone": listing.contact_phone,
            "eligibility": listing.eligibility,
            "prices": "\n".join(f"{b.value['item']}：{b.value['price']}" for b in listing.prices),
        }
        if with_menu:
            for block in listing.weekly_menu:
                initial[f"menu_{block.value['weekday']}"] = "，".join(block.value["lunch"])
        return initial

    def clean_prices(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["prices"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            for separator in ("：", ":", " "):
                if separator in line:
                    item, price = (part.strip() for part in line.rsplit(separator, 1))
                    break
            else:
                item, price = "", ""
            if not item or not price:
                raise ValidationError(_("Line %(number)s: write the item, then the price.") % {"number": number})
            rows.append(("price", {"item": item[:100], "price": price[:50], "note": ""}))
        return rows

    def changes(self):
        data = self.cleaned_data
        paragraphs = [p.strip() for p in data["description"].split("\n\n") if p.strip()]
        changes = {
            "listing_summary": data["listing_summary"],
            "description": "".join(f"<p>{escape(p)}</p>" for p in paragraphs),
            "contact_name": data["contact_name"],
            "contact_phone": data["contact_phone"],
            "eligibility": data["eligibility"],
            "prices": data["prices"],
        }
        if self.with_menu:
            days = []
            for number, _label in WEEKDAYS:
                dishes = [d.strip() for d in data.get(f"menu_{number}", "").replace(",", "，").split("，") if d.strip()]
                if dishes:
                    days.append(("day", {"weekday": str(number), "lunch": dishes, "dinner": [], "price": ""}))
            changes["weekly_menu"] = days
        return changes

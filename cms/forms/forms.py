"""The fixed core of every request form, which the editor's own fields are added to.

Field cleaning is shared with the API: `portal.workorders.cleaning` for text and phone numbers,
`portal.workorders.photos` for uploads; rate limits live in `portal.workorders.limits`.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.common.phone import validate_mobile
from portal.grids.models import Building
from portal.workorders import limits
from portal.workorders.cleaning import clean_text
from portal.workorders.models import WorkOrder
from portal.workorders.photos import MAX_PHOTOS, clean_photos

CORE_FIELDS = (
    "category",
    "name",
    "phone",
    "building",
    "unit",
    "room",
    "location",
    "description",
    "photos",
    "consent",
    "website",
    "idempotency_key",
    "service",
)
MAX_FLOORS = 33
DOORS_PER_FLOOR = 4


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    widget = MultiplePhotoInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"accept": "image/jpeg,image/png,image/webp", "multiple": True})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_PHOTOS:
            raise ValidationError(_("Please upload at most %(max)d photos.") % {"max": MAX_PHOTOS})
        return clean_photos(files)


def room_choices():
    rooms = [("", _("Choose a room"))]
    rooms += [
        (f"{floor}{door:02d}", f"{floor}{door:02d}")
        for floor in range(1, MAX_FLOORS + 1)
        for door in range(1, DOORS_PER_FLOOR + 1)
    ]
    return rooms


class RequestCoreForm(BaseForm):
    """Core fields first; the editor's fields follow. `page` and `request` are passed in by the page."""

    category = forms.ModelChoiceField(queryset=None, label=_("What is it about?"), empty_label=None)
    name = forms.CharField(label=_("Your name"), max_length=50)
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("We send your request number and progress to this number."),
    )
    building = forms.ModelChoiceField(
        queryset=Building.objects.select_related("community"), label=_("Building"), required=False
    )
    unit = forms.TypedChoiceField(
        label=_("Unit"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("Choose a unit"))] + [(i, _("Unit %(n)d") % {"n": i}) for i in range(1, 7)],
    )
    room = forms.ChoiceField(label=_("Room"), required=False, choices=room_choices)
    location = forms.CharField(
        label=_("Where exactly (public areas)"),
        max_length=200,
        required=False,
        help_text=_("For example 3号楼东侧路灯, 地下车库B区."),
    )
    description = forms.CharField(
        label=_("Describe the problem"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    photos = MultiplePhotoField(
        label=_("Photos (up to 4)"), help_text=_("JPEG, PNG or WebP, up to 10 MB each. Location data is removed.")
    )
    consent = forms.BooleanField(
        label=_("I agree that my name, phone and address are used to handle this request."),
        error_messages={"required": _("Please agree to the privacy notice so that we can handle your request.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    service = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        self.request = kwargs.pop("request", None)
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # NUL and other control characters are removed (not refused) before Django's validators run.
            data = self.data.copy()
            for key in data:
                data.setlist(key, [v.replace("\x00", "") if isinstance(v, str) else v for v in data.getlist(key)])
            self.data = data
        self.fields["category"].queryset = self.page.offered_categories() if self.page else WorkOrder.objects.none()
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)
        self.order_fields(CORE_FIELDS)

    def clean_name(self):
        return clean_text(self.cleaned_data["name"], max_length=50)

    def clean_phone(self):
        return validate_mobile(self.cleaned_data["phone"])

    def clean_description(self):
        value = clean_text(self.cleaned_data["description"], multiline=True, max_length=2000)
        if len(value) < 2:
            raise ValidationError(_("Please describe the problem."))
        return value

    def clean_location(self):
        return clean_text(self.cleaned_data["location"], max_length=200)

    def clean_idempotency_key(self):
        return clean_text(self.cleaned_data.get("idempotency_key") or "")[:64]

    def clean_service(self):
        service_id = self.cleaned_data.get("service")
        if not service_id:
            return None
        page = self.page.booking_service(service_id) if self.page else None
        if page is None:
            raise ValidationError(_("This service cannot be booked. Please choose it again from the directory."))
        return page

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(_("Your request could not be sent. Please try again."), code="honeypot")
        category = cleaned.get("category")
        building = cleaned.get("building")
        if category is not None and not category.is_public_area and category.kind in ("repair_home",):
            if building is None:
                self.add_error("building", _("Please choose your building."))
        room = cleaned.get("room")
        if building is not None and room and int(room[:-2]) > building.floors:
            self.add_error("room", _("This building has only %(floors)d floors.") % {"floors": building.floors})
        unit = cleaned.get("unit")
        if building is not None and unit and unit > building.units:
            self.add_error("unit", _("This building has no such unit."))
        if self.page and self.page.is_service_booking and not cleaned.get("service") and not self.errors:
            if not self.page.allow_without_service:
                self.add_error(None, _("Please choose the service to book from the service directory."))
        self._check_photo_count()
        if self.request is not None and not self.errors:
            limits.check_submission(self.request, cleaned.get("phone"), cleaned.get("idempotency_key"))
        return cleaned

    def photo_field_names(self):
        """The core photo field and every photo field the editor added."""
        return [name for name, field in self.fields.items() if isinstance(field, MultiplePhotoField)]

    def all_photos(self):
        """The cleaned photos of every photo field, in form order: one request holds them all."""
        return [photo for name in self.photo_field_names() for photo in self.cleaned_data.get(name) or []]

    def _check_photo_count(self):
        """At most MAX_PHOTOS photos per request, whichever photo fields they came in."""
        if self.errors:
            return
        if len(self.all_photos()) > MAX_PHOTOS:
            last = [name for name in self.photo_field_names() if self.cleaned_data.get(name)][-1]
            self.add_error(last, _("Please upload at most %(max)d photos in all.") % {"max": MAX_PHOTOS})

    def extra_answers(self):
        """The editor-added fields, as {label: value}, JSON-ready (a photo field: how many photos)."""
        answers = {}
        for name, field in self.fields.items():
            if name in CORE_FIELDS:
                continue
            value = self.cleaned_data.get(name)
            if isinstance(field, MultiplePhotoField):
                value = len(value or [])
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            answers[str(field.label)] = value
        return answers


class RequestFormBuilder(FormBuilder):
    """Wagtail's builder, with the core form as the base class and editor field names kept apart."""

    @property
    def formfields(self):
        fields = super().formfields
        return {(f"extra_{name}" if name in CORE_FIELDS else name): field for name, field in fields.items()}

    def create_photos_field(self, field, options):
        """An editor's photo field: the same checks as the core photo field (one implementation)."""
        return MultiplePhotoField(**options)

    def get_form_class(self):
        return type("RequestForm", (RequestCoreForm,), dict(self.formfields))

"""Request form pages: editors build a form for each kind of request without code.

Every form has the fixed core fields of `forms.RequestCoreForm` (who, where, what, photos,
consent) plus whatever fields the editor adds; a valid submission becomes a `WorkOrder` through
`portal.workorders.services.submit`, and the resident is sent to the receipt.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.workorders import services
from portal.workorders.booking import bookable_page
from portal.workorders.models import Category, WorkOrder
from portal.workorders.photos import PhotoStorageError

from .forms import RequestFormBuilder

# Wagtail's field types plus photos: checked, re-encoded and EXIF-stripped like the core photo field
# (portal.workorders.photos), stored with the request and shown only to staff who may see it.
FIELD_TYPE_CHOICES = (*FORM_FIELD_CHOICES, ("photos", _("Photos (upload)")))


class RequestFormField(AbstractFormField):
    page = ParentalKey("RequestFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True


class RequestFormPage(AbstractEmailForm):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "link", "ol", "ul"],
        help_text=_("A few words above the form: what to report here, how fast we answer."),
    )
    categories = ParentalManyToManyField(
        Category,
        blank=True,
        verbose_name=_("categories offered"),
        help_text=_("Leave empty to offer every active category."),
    )
    is_service_booking = models.BooleanField(
        _("service booking form"),
        default=False,
        help_text=_("The service directory links here with the service to book (?service=…)."),
    )
    allow_without_service = models.BooleanField(
        _("allow booking without a chosen service"),
        default=True,
        help_text=_("Off: a booking must come from a service in the directory."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=["bold", "link"],
        help_text=_("Shown next to the consent box: what we collect, why, and how long we keep it."),
    )

    form_builder = RequestFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("categories"), FieldPanel("is_service_booking"), FieldPanel("allow_without_service")],
            heading=_("Requests"),
        ),
        InlinePanel("form_fields", label=_("Extra form fields")),
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Email a copy to staff (optional)"),
        ),
    ]
    api_fields = [APIField("intro"), APIField("is_service_booking"), APIField("form_fields")]
    # What a resident would type to find the form: its introduction and the names of the request
    # categories it takes (水管漏水, 下水堵塞 …), boosted to rank like the title (search.backends
    # indexes a field boosted 10 or more with the title), so that 漏水维修 leads to the repair form;
    # the names also feed the admin's page search (autocomplete).
    search_fields = [
        *AbstractEmailForm.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("categories", [index.SearchField("name", boost=10), index.AutocompleteField("name")]),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "pages/request_form_page.html"
    landing_page_template = "pages/request_form_page_landing.html"

    class Meta:
        verbose_name = _("request form page")
        verbose_name_plural = _("request form pages")

    # --- what the form offers --------------------------------------------------------------

    def offered_categories(self):
        chosen = self.categories.filter(active=True) if self.pk else Category.objects.none()
        if self.pk and chosen.exists():
            return chosen
        return Category.objects.filter(active=True)

    def booking_service(self, page_id):
        """The live, public page of a bookable service (a registered type, `portal.workorders.booking`), or None."""
        if not self.is_service_booking:
            return None
        return bookable_page(page_id)

    def emergency_category_ids(self):
        return [c.pk for c in self.offered_categories() if c.is_emergency]

    # --- the form hooks -------------------------------------------------------------------

    def get_form_parameters(self):
        return {"request": getattr(self, "_request", None)}

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        request = getattr(self, "_request", None)
        if request is not None and not form.is_bound:
            service = request.GET.get("service", "")
            if service.isdigit() and self.booking_service(int(service)) is not None:
                form.initial["service"] = int(service)
        return form

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["emergency_ids"] = self.emergency_category_ids()
        return context

    def service_for(self, form):
        """The service being booked, for the form's heading (from the posted or the linked value)."""
        if form.is_bound:
            value = getattr(form, "cleaned_data", {}).get("service")
            return value if isinstance(value, Page) else None
        return self.booking_service(form.initial["service"]) if form.initial.get("service") else None

    def serve(self, request, *args, **kwargs):
        self._request = request
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            valid = form.is_valid()
            if form.has_error(NON_FIELD_ERRORS, "rate_limited"):
                status = 429
            if valid:
                try:
                    order = self.process_form_submission(form)
                except ValidationError as exc:
                    for field, messages in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, messages)
                    status = 400
                except PhotoStorageError:
                    form.add_error(
                        "photos", _("We could not save your photos just now. Nothing was sent; please try again.")
                    )
                    status = 503
                else:
                    return self.render_landing_page(request, order, *args, **kwargs)
            elif status == 200:
                status = 400
        else:
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request)
        context["form"] = form
        context["service"] = self.service_for(form)
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        if status in (429, 503):
            response["Retry-After"] = "60" if status == 503 else "3600"
        return response

    def process_form_submission(self, form):
        data = form.cleaned_data
        request = getattr(self, "_request", None)
        user = getattr(request, "user", None)
        order = services.submit(
            services.Submission.from_data(
                data,
                email=user.email if user is not None and user.is_authenticated else "",
                channel=WorkOrder.Channel.WEB,
                photos=form.all_photos(),
                extra=form.extra_answers(),
                idempotency_key=data.get("idempotency_key") or None,
                resident=user,
                service_page=data.get("service"),
                form_page=self,
                consent=data.get("consent", False),
            )
        )
        if self.to_address and not getattr(order, "replayed", False):
            try:
                self.send_mail(form)
            except (OSError, DatabaseError):  # a failing mail server never loses the request
                pass
        return order

    def render_email(self, form):
        lines = []
        for name, field in form.fields.items():
            if name in ("photos", "website", "idempotency_key", "consent"):
                continue
            value = form.cleaned_data.get(name)
            if value in (None, ""):
                continue
            lines.append(f"{field.label}: {', '.join(map(str, value)) if isinstance(value, list) else value}")
        return "\n".join(lines)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        if isinstance(form_submission, WorkOrder):
            return redirect("workorders:receipt", number=form_submission.number, token=form_submission.lookup_token)
        return super().render_landing_page(request, form_submission, *args, **kwargs)

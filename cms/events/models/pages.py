"""Event pages: an index with upcoming/past listings and one page per lecture or meeting."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.core.blocks import AgendaBlock, BodyStreamBlock
from cms.core.event_kinds import EventKind
from cms.core.models import BasePage
from cms.core.models.mixins import with_listing_images


class OutcomeRowBlock(blocks.StructBlock):
    """One line of a forum's outcome: the problem raised → the service that answered it → satisfaction."""

    problem = blocks.CharBlock(label=_("Problem raised"), max_length=200)
    service = blocks.CharBlock(label=_("Service given"), max_length=200, required=False)
    satisfaction = blocks.CharBlock(
        label=_("Satisfaction"), max_length=100, required=False, help_text=_("For example 已解决，业主满意.")
    )

    class Meta:
        icon = "tick"
        label = _("Problem → service → satisfaction")


class EventIndexPage(RoutablePageMixin, BasePage):
    per_page = 12

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "pages/event_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        past = request.GET.get("when") == "past"
        events = EventPage.objects.live().public().child_of(self).defer_streamfields()
        events = with_listing_images(events)
        events = (
            events.filter(end__lt=now).order_by("-start") if past else events.filter(end__gte=now).order_by("start")
        )
        kind = request.GET.get("kind", "")
        if kind in EventKind.values:
            events = events.filter(kind=kind)
        else:
            kind = ""
        context["events"] = Paginator(events, self.per_page).get_page(request.GET.get("page"))
        context["past"] = past
        context["kinds"] = EventKind.choices
        context["current_kind"] = kind
        return context

    class Meta:
        verbose_name = _("event index")


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.LECTURE)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, help_text=_("For example 圣菲漫步党群服务站 博悦大讲堂."))
    host = models.CharField(
        _("speaker or host"), max_length=200, blank=True, help_text=_("Who speaks or chairs the meeting.")
    )
    audience = models.CharField(
        _("audience"), max_length=200, blank=True, help_text=_("Who should come, for example 圣菲漫步、北京公馆业主.")
    )
    signup_enabled = models.BooleanField(
        _("sign-up open"), default=True, help_text=_("Residents can sign up on the page.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), default=50, help_text=_("Seats; when full, new sign-ups join the waiting list.")
    )
    max_party_size = models.PositiveSmallIntegerField(
        _("largest party"), default=4, help_text=_("The most people one sign-up may bring, themself included.")
    )
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))
    outcome = StreamField(
        [("row", OutcomeRowBlock())],
        blank=True,
        verbose_name=_("outcome"),
        help_text=_("After the meeting: each problem raised, the service that answered it, and satisfaction."),
    )
    outcome_summary = models.TextField(_("outcome summary"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("host"),
                FieldPanel("audience"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("signup_enabled"), FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_party_size")])],
            heading=_("Sign-up"),
        ),
        FieldPanel("agenda"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("outcome_summary"), FieldPanel("outcome")], heading=_("Outcome")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("host"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("kind_label"),
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("host"),
        APIField("audience"),
        APIField("signup_enabled"),
        APIField("capacity"),
        APIField("remaining_places"),
        APIField("agenda"),
        APIField("body"),
        APIField("outcome_summary"),
        APIField("outcome"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "pages/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    @property
    def kind_label(self):
        return str(self.get_kind_display())

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_forum(self):
        return self.kind in EventKind.forums()

    def taken_places(self):
        from .signups import EventSignup

        holding = (EventSignup.Status.CONFIRMED, EventSignup.Status.OFFERED)  # an offered place is held
        taken = self.signups.filter(status__in=holding).aggregate(total=Sum("party_size"))["total"]
        return taken or 0

    @property
    def remaining_places(self):
        if not self.pk:
            return self.capacity
        return max(0, self.capacity - self.taken_places())

    @property
    def accepts_signups(self):
        return self.signup_enabled and not self.is_past

    @path("")
    def event(self, request):
        from cms.events.forms import SignupForm
        from cms.events.services import SignupError, sign_up

        form = SignupForm(event=self)
        if request.method == "POST":
            form = SignupForm(request.POST, event=self)
            if form.is_valid():
                try:
                    signup = sign_up(self, registered_by=None, **form.signup_data())
                except SignupError as error:
                    form.add_error(None, error.message)
                else:
                    return redirect("events:signup", token=signup.token)
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=400)
        return self.render(request, context_overrides={"form": form})

    @path("calendar/")
    def calendar(self, request):
        from cms.events.calendar import event_ics

        response = HttpResponse(event_ics(self, request), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="event-{self.pk}.ics"'
        return response

    @path("poster/")
    def poster(self, request):
        return TemplateResponse(request, "pages/poster.html", {"page": self, "poster_url": self.get_full_url(request)})

"""Wagtail admin views for requests: the list (overdue flagged), the detail with its audit trail and
transition buttons, and staff entry of requests received by phone, in person or from 12345.
Every change goes through `portal.workorders.services`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import IndexView, InspectView

from portal.accounts import audit
from portal.accounts.models import AuditLog
from portal.common.masking import mask_name
from portal.grids import scope, worklist
from portal.grids.models import Building, Steward

from . import permissions, services
from .models import Category, WorkOrder


def can_work(user):
    """May open the transition form at all (which actions, on which request: `permissions.can`)."""
    return permissions.may_work(user)


class WorkOrderIndexView(IndexView):
    def get_base_queryset(self):
        return (
            WorkOrder.objects.for_user(self.request.user)
            .select_related("category", "grid__community", "assignee", "building__community")
            .order_by("-submitted_at", "-pk")
        )


class TransitionForm(forms.Form):
    action = forms.ChoiceField(label=gettext_lazy("Action"))
    steward = forms.ModelChoiceField(
        queryset=Steward.objects.filter(active=True), required=False, label=gettext_lazy("Steward (for assign)")
    )
    original = forms.CharField(
        required=False, max_length=20, label=gettext_lazy("Original request number (for duplicate)")
    )
    note = forms.CharField(
        required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}), label=gettext_lazy("Note")
    )

    def __init__(self, *args, order, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["steward"].queryset = permissions.assignable_stewards(user)
        self.fields["action"].choices = [(a, services.ACTION_LABELS[a]) for a in services.allowed_actions(order, user)]


class WorkOrderInspectView(InspectView):
    """The request's detail. Name, phone, unit and room are masked as in the worklist; the steward
    handling the request (or a manager) sees them by pressing "Show contact details", which is a POST
    recorded in the audit log, exactly like the worklist's reveal."""

    template_name = "admin/workorders/inspect.html"
    revealed = False

    def get_object(self, queryset=None):
        return get_object_or_404(WorkOrder.objects.for_user(self.request.user), pk=self.pk)

    def can_reveal(self):
        return worklist.can_handle(self.request.user, self.object)

    def post(self, request, *args, **kwargs):
        if not self.can_reveal():
            return permission_denied(request)
        audit.record(request.user, AuditLog.Action.REVEAL, self.object, "request contact (admin)")
        self.revealed = True
        return self.get(request, *args, **kwargs)

    def get_name_display_value(self):
        return self.object.name if self.revealed else mask_name(self.object.name)

    def get_phone_display_value(self):
        return self.object.phone if self.revealed else self.object.masked_phone

    def get_unit_display_value(self):
        return self.object.unit if self.revealed else ("*" if self.object.unit else "")

    def get_room_display_value(self):
        return self.object.room if self.revealed else ("*" * len(self.object.room))

    def get_fields(self):
        return [
            "number", "status", "urgent", "category", "channel", "name", "phone", "building", "unit", "room",
            "location", "description", "extra", "grid", "steward", "assignee", "duplicate_of", "service_page",
            "submitted_at", "response_due", "resolution_due", "resolved_at", "resolution_note",
        ]  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        context.update(
            {
                "order": order,
                "overdue": order.is_overdue(),
                "trail": order.transitions.select_related("actor"),
                "ratings": order.ratings.all(),
                "photos": order.photos.all(),
                "me_too_count": order.me_toos.count(),
                "transition_form": TransitionForm(order=order, user=self.request.user)
                if can_work(self.request.user)
                else None,
                "transition_url": reverse("workorders_admin_transition", args=[order.pk]),
                "revealed": self.revealed,
                "can_reveal": self.can_reveal(),
                "hotline": getattr(order, "hotline", None),
                "hotline_reply_url": reverse("workorders_admin_hotline_reply", args=[order.pk]),
                "can_reply": permissions.can(self.request.user, "hotline_reply", order),
            }
        )
        return context


@require_POST
def transition(request, pk):
    if not can_work(request.user):
        return permission_denied(request)
    order = get_object_or_404(WorkOrder.objects.for_user(request.user), pk=pk)
    back = reverse("workorders_workorder:inspect", args=[order.pk])
    action = request.POST.get("action", "")
    form = TransitionForm(request.POST, order=order, user=request.user)
    if action in services.TRANSITIONS and action not in dict(form.fields["action"].choices):
        # Not offered to this person: ask the action itself, which refuses with its own reason.
        form.fields["action"].choices = [(action, services.ACTION_LABELS[action])]
    if not form.is_valid():
        messages.error(request, _("This action is not possible now."))
        return redirect(back)
    data = form.cleaned_data
    try:
        services.perform(
            order, action, actor=request.user, note=data["note"], steward=data["steward"], original=data["original"]
        )
    except services.ActionDenied as exc:
        messages.error(request, exc.message)
        return redirect("wagtailadmin_home")
    except services.WorkflowError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(number)s: %(action)s done.") % {"number": order.number, "action": services.ACTION_LABELS[action]},
        )
    return redirect(back)


class StaffEntryForm(forms.Form):
    channel = forms.ChoiceField(
        label=gettext_lazy("Received by"),
        choices=[
            (c.value, c.label) for c in WorkOrder.Channel if c != WorkOrder.Channel.WEB and c != WorkOrder.Channel.APP
        ],
    )
    category = forms.ModelChoiceField(queryset=Category.objects.filter(active=True), label=gettext_lazy("Category"))
    name = forms.CharField(max_length=50, label=gettext_lazy("Resident's name"))
    phone = forms.CharField(max_length=30, label=gettext_lazy("Resident's mobile number"))
    building = forms.ModelChoiceField(
        queryset=Building.objects.select_related("community"), required=False, label=gettext_lazy("Building")
    )
    unit = forms.IntegerField(required=False, min_value=1, max_value=20, label=gettext_lazy("Unit"))
    room = forms.CharField(required=False, max_length=10, label=gettext_lazy("Room"))
    location = forms.CharField(required=False, max_length=200, label=gettext_lazy("Location"))
    description = forms.CharField(
        max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), label=gettext_lazy("Description")
    )
    photos = forms.FileField(required=False, label=gettext_lazy("Photo"))
    consent = forms.BooleanField(
        label=gettext_lazy("The resident agreed that we use these details to handle the request.")
    )
    # A 12345 order: the hotline's ticket and deadlines, required when "Received by" is the hotline.
    hotline_ticket = forms.CharField(required=False, max_length=40, label=gettext_lazy("12345 ticket number"))
    hotline_deadline = forms.DateTimeField(
        required=False,
        label=gettext_lazy("Hotline deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    hotline_reply_due = forms.DateTimeField(
        required=False,
        label=gettext_lazy("Reply to the hotline due"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    HOTLINE_FIELDS = {"ticket": "hotline_ticket", "deadline": "hotline_deadline", "reply_due": "hotline_reply_due"}


def enter(request):
    if not permissions.can(request.user, "enter"):
        raise PermissionDenied
    # ?channel=hotline12345 (the desk's "Enter a 12345 hotline order") preselects how it was received.
    initial = {"channel": request.GET.get("channel")} if request.GET.get("channel") in WorkOrder.Channel.values else {}
    form = StaffEntryForm(request.POST or None, request.FILES or None, initial=initial)
    form.fields["building"].queryset = scope.buildings_for(request.user).select_related("community")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            submission = services.Submission.from_data(
                data,
                channel=data["channel"],
                consent=data["consent"],
                photos=[data["photos"]] if data.get("photos") else [],
                entered_by=request.user,
            )
            try:
                if data["channel"] == WorkOrder.Channel.HOTLINE:
                    order = services.enter_hotline_order(
                        submission,
                        ticket=data["hotline_ticket"],
                        deadline=data["hotline_deadline"],
                        reply_due=data["hotline_reply_due"],
                    )
                else:
                    order = services.submit(submission)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    field = StaffEntryForm.HOTLINE_FIELDS.get(field, field)
                    form.add_error(field if field in form.fields else None, errors)
                status = 400
            else:
                messages.success(request, _("Request %(number)s entered.") % {"number": order.number})
                return redirect("workorders_workorder:inspect", order.pk)
        else:
            status = 400
    return TemplateResponse(
        request, "admin/workorders/enter.html", {"form": form, "page_title": _("Enter a request")}, status=status
    )


@require_POST
def hotline_reply(request, pk):
    """Record the reply sent back to the 12345 hotline (services.reply_to_hotline decides who may)."""
    if not can_work(request.user):
        return permission_denied(request)
    order = get_object_or_404(WorkOrder.objects.for_user(request.user), pk=pk)
    try:
        services.reply_to_hotline(order, text=request.POST.get("reply", ""), actor=request.user)
    except PermissionDenied:
        return permission_denied(request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Reply to the 12345 hotline recorded."))
    return redirect("workorders_workorder:inspect", order.pk)

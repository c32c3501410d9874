"""Site views for stewards (phone-friendly: log visits on the stairs) and the public "find my steward"."""

import io
from functools import wraps

import segno
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.accounts import audit
from portal.accounts.models import AuditLog

from . import bridge, scope, services
from .forms import CareRecipientForm, VisitForm
from .models import Building, Household, Unit, Visit, current_quarter, quarter_bounds
from .routing import steward_for_building


def role_required(allowed):
    """Views for the users `allowed(user)` accepts: anonymous → login, others → 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Managers and stewards; the request worklist adds branch secretaries; the care roster is narrower.
staff_required = role_required(scope.is_staff_worker)
requests_required = role_required(scope.works_requests)
roster_required = role_required(scope.can_see_roster)


def find_steward(request):
    """Public: a resident picks their building and sees their steward (work phone, photo, party badge)."""
    buildings = Building.objects.select_related("community", "grid").order_by("community__name", "number")
    context = {"building_choices": buildings, "building": None, "steward": None}
    raw = request.GET.get("building", "")
    if raw:
        if not raw.isdigit():
            context["error"] = _("Choose a building from the list.")
            return render(request, "grids/find_steward.html", context, status=400)
        building = buildings.filter(pk=int(raw)).first()
        if building is None:
            context["error"] = _("That building is not in our communities.")
            return render(request, "grids/find_steward.html", context, status=404)
        context["building"] = building
        context["steward"] = steward_for_building(building)
        context["grid_buildings"] = grid_buildings_text(building)
    return render(request, "grids/find_steward.html", context)


def grid_buildings_text(building):
    """The buildings the steward of `building`'s grid looks after, as residents write them: "1、2、3号楼"."""
    if building.grid_id is None:
        return ""
    numbers = building.grid.buildings.order_by("number").values_list("number", flat=True)
    return _("Buildings %(numbers)s") % {"numbers": "、".join(str(n) for n in numbers)}


@staff_required
def home(request):
    grids = scope.grids_for(request.user)
    year, quarter = current_quarter()
    overdue = (
        services.overdue_care(scope.care_recipients_for(request.user)) if scope.can_see_roster(request.user) else []
    )
    return render(
        request,
        "grids/steward_home.html",
        {
            "steward": scope.steward_of(request.user),
            "coverage": services.coverage(grids, year, quarter),
            "year": year,
            "quarter": quarter,
            "overdue_count": len(overdue),
            "can_see_roster": scope.can_see_roster(request.user),
            "is_manager": scope.is_manager(request.user),
        },
    )


def _paginate(request, queryset, per_page=50):
    from django.core.paginator import Paginator

    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@staff_required
def household_list(request):
    households = scope.households_for(request.user).select_related("unit__building__grid")
    grids = scope.grids_for(request.user)
    grid = request.GET.get("grid", "")
    if grid:
        if not grid.isdigit() or not grids.filter(pk=int(grid)).exists():
            raise Http404(_("No such grid in your scope."))
        households = households.filter(unit__building__grid_id=int(grid))
    if request.GET.get("unvisited"):
        households = services.households_not_visited(households)
    q = request.GET.get("q", "").strip()[:20]
    if q:
        households = households.filter(room__icontains=q) | households.filter(phone__endswith=q)
    return render(
        request,
        "grids/household_list.html",
        {
            "page_obj": _paginate(request, households.order_by("unit__building__number", "unit__number", "room")),
            "grids": grids,
            "q": q,
        },
    )


def _household_in_scope(request, pk):
    return get_object_or_404(scope.households_for(request.user).select_related("unit__building__grid"), pk=pk)


@staff_required
def household_detail(request, pk, revealed=False):
    household = _household_in_scope(request, pk)
    return render(
        request,
        "grids/household_detail.html",
        {
            "household": household,
            "revealed": revealed,
            "visits": household.visits.select_related("steward")[:20],
        },
    )


@staff_required
@require_POST
def household_reveal(request, pk):
    household = _household_in_scope(request, pk)
    audit.record(request.user, AuditLog.Action.REVEAL, household, "household contact")
    return household_detail.__wrapped__(request, pk, revealed=True)


@staff_required
def visit_pick(request):
    units = (
        Unit.objects.filter(building__grid__in=scope.grids_for(request.user))
        .select_related("building__grid")
        .order_by("building__number", "number")
    )
    return render(request, "grids/visit_pick.html", {"units": units})


def _unit_in_scope(request, **lookup):
    """The unit of one of the user's grids; 403 for any other, existing or not, so that the answer
    never tells which units exist (the visit page, the QR code and the QR link alike)."""
    unit = (
        Unit.objects.filter(building__grid__in=scope.grids_for(request.user), **lookup)
        .select_related("building__grid")
        .first()
    )
    if unit is None:
        raise PermissionDenied
    return unit


def _log_visit_for_unit(request, unit, method):
    households = unit.households.active()
    form = VisitForm(request.POST or None, households=households, categories=bridge.categories())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                visit = services.log_visit(
                    request.user,
                    data["household"],
                    note=data["note"],
                    problem=data["problem"],
                    method=method,
                    visited_on=data["visited_on"],
                )
                number = None
                if data.get("make_request"):
                    number = bridge.request_from_visit(request.user, visit, data["category"])
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Visit logged for room %(room)s.") % {"room": visit.household.room})
            if number:
                messages.success(request, _("Request %(number)s created from the problem.") % {"number": number})
            return redirect(reverse("grids:unit_visit", args=[unit.pk]))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "grids/visit_form.html",
        {"unit": unit, "form": form, "method": method, "recent": Visit.objects.filter(household__unit=unit)[:10]},
        status=status,
    )


@staff_required
def unit_visit(request, pk):
    unit = _unit_in_scope(request, pk=pk)
    return _log_visit_for_unit(request, unit, Visit.Method.PICK)


@staff_required
def unit_by_qr(request, token):
    unit = _unit_in_scope(request, qr_token=token)
    return _log_visit_for_unit(request, unit, Visit.Method.QR)


@staff_required
def unit_qr(request, pk):
    unit = _unit_in_scope(request, pk=pk)
    url = request.build_absolute_uri(reverse("grids:unit_by_qr", args=[unit.qr_token]))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, title=str(unit))
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@staff_required
def coverage(request):
    year, quarter = current_quarter()
    raw = request.GET.get("quarter", "")
    if raw:
        try:
            y, q = raw.split("Q")
            year, quarter = int(y), int(q)
            if not 1 <= quarter <= 4 or not 2000 <= year <= 2100:
                raise ValueError
        except ValueError:
            return render(request, "grids/coverage.html", {"error": _("Quarter looks like 2026Q3.")}, status=400)
    grids = scope.grids_for(request.user)
    start, end = quarter_bounds(year, quarter)
    missing = (
        services.households_not_visited(scope.households_for(request.user), year, quarter)
        .select_related("unit__building__grid")
        .order_by("unit__building__number", "unit__number", "room")
    )
    return render(
        request,
        "grids/coverage.html",
        {
            "rows": services.coverage(grids, year, quarter),
            "year": year,
            "quarter": quarter,
            "start": start,
            "end": end,
            "missing": _paginate(request, missing, 100),
        },
    )


@roster_required
def care_list(request):
    recipients = services.care_with_last_visit(
        scope.care_recipients_for(request.user).filter(active=True).select_related("household__unit__building__grid")
    )
    rows = [(r, services.is_overdue(r)) for r in recipients]
    audit.record(request.user, AuditLog.Action.ROSTER_VIEW, None, f"list {len(rows)}")
    return render(request, "grids/care_list.html", {"rows": rows})


@roster_required
def care_detail(request, pk):
    recipient = get_object_or_404(
        services.care_with_last_visit(scope.care_recipients_for(request.user)).select_related(
            "household__unit__building__grid"
        ),
        pk=pk,
    )
    audit.record(request.user, AuditLog.Action.ROSTER_VIEW, recipient, "detail")
    return render(
        request, "grids/care_detail.html", {"recipient": recipient, "overdue": services.is_overdue(recipient)}
    )


@roster_required
def care_new(request):
    households = (
        Household.objects.active()
        .filter(unit__building__grid__in=scope.roster_grids_for(request.user))
        .select_related("unit__building")
    )
    form = CareRecipientForm(request.POST or None, households=households)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recipient = services.enrol_care_recipient(
                request.user,
                data["household"],
                name=data["name"],
                consent=data["consent"],
                consent_by=data["consent_by"],
                birth_year=data["birth_year"],
                needs=data["needs"],
                emergency_contact=data["emergency_contact"],
                visit_every_days=data["visit_every_days"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Added to the care roster."))
            return redirect("grids:care_detail", pk=recipient.pk)
    return render(request, "grids/care_form.html", {"form": form}, status=400 if request.method == "POST" else 200)

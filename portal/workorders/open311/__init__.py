"""Open311 GeoReport v2 so city systems (the 12345 platform) can integrate: docs/requests.md.

Every operation answers JSON or XML by its extension (`services.json`, `services.xml`); errors are
the spec's list of {code, description} in the same format, also for unknown paths and wrong methods.
Public reads carry no personal data: no names or phone numbers, the address only down to the
building, and for public-area requests only the description and place, scrubbed of phones, rooms,
plates and e-mail (`portal.common.scrub`). Creating a request needs an API key (`api_key` in the
body or the query string, see `manage.py workorder_token`); its channel is the 12345 hotline.
What each service needs besides a location is stated in its service definition (`REQUIRED`).
"""

import math
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.urls import path, re_path
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .. import services
from ..models import ApiToken, Category, WorkOrder
from ..photos import PhotoStorageError
from .formats import Open311Error, endpoint, errors, respond, time_text, today_text

CLOSED = {"resolved", "closed", "rejected", "duplicate"}
STATUSES = ("open", "closed")
MAX_WINDOW = timedelta(days=90)
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

# What a POST must carry besides service_code and a location, per kind of service. A public-area
# fault needs no contact (anyone may report a dark street light); a repair at home, a parking or
# booking matter needs a phone to arrange access or reply; every kind but public-area repairs needs
# a description, since the service code alone does not say what is wrong.
REQUIRED = {
    Category.Kind.PUBLIC_AREA: (),
    Category.Kind.REPAIR_IN_HOME: ("phone", "description"),
    Category.Kind.COMPLAINT: ("phone", "description"),
    Category.Kind.SUGGESTION: ("description",),
    Category.Kind.ENQUIRY: ("phone", "description"),
    Category.Kind.PARKING: ("phone", "description"),
    Category.Kind.SERVICE_BOOKING: ("phone", "description"),
}
LOCATION = "lat+long|address_string|address_id"


def required_fields(category):
    return [LOCATION, *REQUIRED.get(category.kind, ("phone", "description"))]


def _service(category):
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": True,
        "type": "realtime",
        "keywords": category.get_kind_display(),
        "group": category.get_kind_display(),
    }


def _definition(category):
    needed = REQUIRED.get(category.kind, ("phone", "description"))
    labels = {"phone": _("a mobile number (phone)"), "description": _("a description")}
    wanted = [_("a location (lat and long, address_string or address_id)"), *(labels[f] for f in needed)]
    return {
        "service_code": category.code,
        "required_fields": required_fields(category),
        "attributes": [
            {
                "variable": False,
                "code": "required_fields",
                "datatype": "string",
                "required": False,
                "datatype_description": "",
                "order": 1,
                "description": _("Besides service_code this service needs: %(fields)s. Other fields are optional.")
                % {"fields": "; ".join(str(w) for w in wanted)},
                "values": [],
            }
        ],
    }


def _request(order):
    public_area = order.category.is_public_area
    return {
        "service_request_id": order.number,
        "status": "closed" if order.status in CLOSED else "open",
        "status_notes": order.get_status_display(),
        "service_name": order.category.name,
        "service_code": order.category.code,
        "description": order.public_description,
        "agency_responsible": order.grid.name if order.grid_id else "",
        "service_notice": "",
        "requested_datetime": time_text(order.submitted_at),
        "updated_datetime": time_text(order.updated_at),
        "expected_datetime": time_text(order.resolution_due),
        "address": order.public_address,
        "address_id": str(order.building_id) if order.building_id else "",
        "zipcode": "",
        "lat": float(order.latitude) if order.latitude is not None and public_area else None,
        "long": float(order.longitude) if order.longitude is not None and public_area else None,
        "media_url": "",
    }


@endpoint("GET")
def discovery(request, fmt):
    base = request.build_absolute_uri("/open311/v2/")
    return respond(
        fmt,
        "discovery",
        {
            "changeset": today_text(),
            "contact": _("Zhiye Guanqing · Weimei Jiayuan"),
            "key_service": _("Ask the property company for an API key."),
            "endpoints": [
                {
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": base,
                    "changeset": today_text(),
                    "type": "production",
                    "formats": ["application/json", "text/xml"],
                }
            ],
        },
    )


@endpoint("GET")
def services_list(request, fmt):
    return respond(fmt, "services", [_service(c) for c in Category.objects.filter(active=True)])


def _category(code):
    category = Category.objects.filter(code=code, active=True).first()
    if category is None:
        raise Open311Error(404, _("Unknown service_code."))
    return category


@endpoint("GET")
def service_definition(request, code, fmt):
    return respond(fmt, "service_definition", _definition(_category(code)))


def _parse_date(value, name):
    parsed = parse_datetime(value) if value else None
    if value and parsed is None:
        try:
            parsed = datetime.combine(datetime.fromisoformat(value).date(), time.min)
        except ValueError as exc:
            raise Open311Error(400, _("%(name)s must be an ISO 8601 date or time.") % {"name": name}) from exc
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def _window(params):
    """(start, end) of requested_datetime: 90 days at most; a longer span is refused (400)."""
    start = _parse_date(params.get("start_date"), "start_date")
    end = _parse_date(params.get("end_date"), "end_date")
    if start and end:
        if end < start:
            raise Open311Error(400, _("end_date must not be before start_date."))
        if end - start > MAX_WINDOW:
            raise Open311Error(400, _("start_date and end_date may span at most 90 days."))
    elif start:
        end = start + MAX_WINDOW
    else:
        end = end or timezone.now()
        start = end - MAX_WINDOW
    return start, end


def _positive(params, name, default, most=None):
    raw = params.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1 or (most and int(raw) > most):
        raise Open311Error(
            400,
            _("%(name)s must be a whole number from 1 to %(most)s.") % {"name": name, "most": most or "…"},
        )
    return int(raw)


@endpoint("GET", "POST")
def requests_view(request, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    params = request.GET
    qs = WorkOrder.objects.select_related("category", "grid", "building__community")
    if params.get("service_request_id"):
        ids = [i.strip().upper()[:20] for i in params["service_request_id"].split(",") if i.strip()][:MAX_PAGE_SIZE]
        found = {o.number: o for o in qs.filter(number__in=ids)}
        return respond(fmt, "service_requests", [_request(found[i]) for i in ids if i in found])
    if params.get("service_code"):
        qs = qs.filter(category__code__in=[c.strip() for c in params["service_code"].split(",") if c.strip()])
    if params.get("status"):
        wanted = {s.strip().lower() for s in params["status"].split(",") if s.strip()}
        if not wanted or wanted - set(STATUSES):
            raise Open311Error(400, _("status must be open, closed or both, separated by a comma."))
        if wanted == {"closed"}:
            qs = qs.filter(status__in=CLOSED)
        elif wanted == {"open"}:
            qs = qs.exclude(status__in=CLOSED)
    start, end = _window(params)
    page = _positive(params, "page", 1)
    size = _positive(params, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    qs = qs.filter(submitted_at__gte=start, submitted_at__lte=end).order_by("-submitted_at", "-pk")
    total = qs.count()
    rows = qs[(page - 1) * size : page * size]
    response = respond(fmt, "service_requests", [_request(o) for o in rows])
    pages = max(1, math.ceil(total / size))
    response["X-Total-Count"] = str(total)
    response["X-Page-Count"] = str(pages)
    if page < pages:
        query = {**params.dict(), "page": page + 1, "start_date": start.isoformat(), "end_date": end.isoformat()}
        response["Link"] = f'<{request.build_absolute_uri(request.path)}?{urlencode(query)}>; rel="next"'
    return response


@endpoint("GET")
def request_detail(request, number, fmt):
    order = (
        WorkOrder.objects.select_related("category", "grid", "building__community")
        .filter(number=number.upper()[:20])
        .first()
    )
    if order is None:
        raise Open311Error(404, _("Unknown service_request_id."))
    return respond(fmt, "service_requests", [_request(order)])


@endpoint("GET")
def token_detail(request, token, fmt):
    """Requests are created at once, so the token a client may hold is the request's number."""
    order = WorkOrder.objects.filter(number=token.upper()[:20]).only("number").first()
    if order is None:
        raise Open311Error(404, _("Unknown token."))
    return respond(fmt, "service_requests", [{"service_request_id": order.number, "token": order.number}])


def _create(request, fmt):
    data = request.POST
    user = ApiToken.authenticate(data.get("api_key") or request.GET.get("api_key", ""))
    if user is None:
        raise Open311Error(403, _("A valid api_key is required."))
    category = _category(data.get("service_code", ""))
    from portal.grids.models import Building

    building = None
    address_id = data.get("address_id", "")
    if address_id:
        building = Building.objects.filter(pk=address_id).first() if address_id.isdigit() else None
        if building is None:
            raise Open311Error(400, _("Unknown address_id."))
    lat = lon = None
    try:
        if data.get("lat") or data.get("long"):
            lat, lon = round(float(data["lat"]), 6), round(float(data["long"]), 6)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
    except (KeyError, ValueError) as exc:
        raise Open311Error(400, _("lat and long must be given together as decimal degrees.")) from exc
    if building is None and lat is None and not data.get("address_string", "").strip():
        raise Open311Error(400, _("A location is required: lat and long, address_string or address_id."))
    needed = REQUIRED.get(category.kind, ("phone", "description"))
    missing = [f for f in needed if not data.get(f, "").strip()]
    if missing:
        raise Open311Error(
            400,
            _("This service also needs: %(fields)s (see its service definition).") % {"fields": ", ".join(missing)},
        )
    name = " ".join(p for p in (data.get("last_name", ""), data.get("first_name", "")) if p).strip()
    try:
        order = services.submit(
            services.Submission(
                category=category,
                name=name or _("12345 caller"),
                phone=data.get("phone", ""),
                email=data.get("email", ""),
                description=data.get("description", "") or category.name,
                building=building,
                location=data.get("address_string", ""),
                latitude=lat,
                longitude=lon,
                channel=WorkOrder.Channel.HOTLINE,
                idempotency_key=request.headers.get("Idempotency-Key") or None,
                entered_by=user,
                consent=True,
                phone_required="phone" in needed,
            )
        )
    except services.ActionDenied as exc:
        raise Open311Error(403, exc.message) from exc
    except ValidationError as exc:
        raise Open311Error(400, " ".join(exc.messages)) from exc
    except PhotoStorageError as exc:  # pragma: no cover - Open311 sends no files
        raise Open311Error(503, _("Please try again later.")) from exc
    return respond(
        fmt,
        "service_requests",
        [{"service_request_id": order.number, "service_notice": "", "account_id": None}],
        status=200 if order.replayed else 201,
    )


def unknown(request, rest):
    """Any other path under /open311/: the spec's error list, in XML when the path asks for it."""
    fmt = "xml" if rest.endswith(".xml") else "json"
    return errors(404, _("Unknown path: see %(url)s for the operations.") % {"url": "/open311/v2/discovery.json"}, fmt)


FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(r"^open311/v2/discovery" + FMT, discovery, name="open311_discovery"),
    re_path(r"^open311/v2/services" + FMT, services_list, name="open311_services"),
    re_path(r"^open311/v2/services/(?P<code>[-a-zA-Z0-9_]+)" + FMT, service_definition, name="open311_service"),
    re_path(r"^open311/v2/requests" + FMT, requests_view, name="open311_requests"),
    re_path(r"^open311/v2/requests/(?P<number>[^/]+?)" + FMT, request_detail, name="open311_request"),
    re_path(r"^open311/v2/tokens/(?P<token>[^/]+?)" + FMT, token_detail, name="open311_token"),
    path("open311/<path:rest>", csrf_exempt(unknown), name="open311_unknown"),
]

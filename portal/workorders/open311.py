"""An Open311 GeoReport v2 facade (JSON) so city systems (the 12345 platform) can integrate.

Codes and ids are strings (category codes, request numbers), times are ISO 8601 in +08:00, errors
are a list of {code, description}. Public reads carry no personal data: no names or phone numbers,
the address only down to the building, and descriptions only for public-area requests.
Creating a request needs an API key (`api_key`, see `manage.py workorder_token`); its channel is
the 12345 hotline.
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from . import services
from .models import ApiToken, Category, WorkOrder
from .photos import PhotoStorageError

CLOSED = {"resolved", "closed", "rejected", "duplicate"}
MAX_RESULTS = 200


def _time(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def errors(status, description):
    return JsonResponse([{"code": status, "description": str(description)}], status=status, safe=False)


def _json(data, status=200):
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _service(category):
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": category.get_kind_display(),
        "group": category.get_kind_display(),
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
        "requested_datetime": _time(order.submitted_at),
        "updated_datetime": _time(order.updated_at),
        "expected_datetime": _time(order.resolution_due),
        "address": order.public_address,
        "address_id": str(order.building_id) if order.building_id else "",
        "zipcode": "",
        "lat": float(order.latitude) if order.latitude is not None and public_area else None,
        "long": float(order.longitude) if order.longitude is not None and public_area else None,
        "media_url": "",
    }


@require_GET
def discovery(request):
    base = request.build_absolute_uri("/open311/v2/")
    return _json(
        {
            "changeset": _time(timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)),
            "contact": _("Zhiye Guanqing · Weimei Jiayuan"),
            "key_service": _("Ask the property company for an API key."),
            "endpoints": [
                {
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": base,
                    "changeset": _time(timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)),
                    "type": "production",
                    "formats": ["application/json"],
                }
            ],
        }
    )


@require_GET
def services_list(request):
    return _json([_service(c) for c in Category.objects.filter(active=True)])


@require_GET
def service_definition(request, code):
    category = Category.objects.filter(code=code, active=True).first()
    if category is None:
        return errors(404, _("Unknown service_code."))
    return _json({"service_code": category.code, "attributes": []})


def _parse_date(value, name):
    parsed = parse_datetime(value) if value else None
    if value and parsed is None:
        try:
            parsed = datetime.combine(datetime.fromisoformat(value).date(), time.min)
        except ValueError as exc:
            raise ValidationError(_("%(name)s must be an ISO 8601 date or time.") % {"name": name}) from exc
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


@csrf_exempt
@require_http_methods(["GET", "POST"])
def requests_view(request):
    if request.method == "POST":
        return _create(request)
    params = request.GET
    qs = WorkOrder.objects.select_related("category", "grid", "building__community")
    try:
        if params.get("service_request_id"):
            ids = [i.strip().upper() for i in params["service_request_id"].split(",") if i.strip()][:MAX_RESULTS]
            return _json([_request(o) for o in qs.filter(number__in=ids)])
        if params.get("service_code"):
            qs = qs.filter(category__code__in=params["service_code"].split(","))
        status = params.get("status")
        if status:
            if status not in ("open", "closed"):
                raise ValidationError(_("status must be open or closed."))
            qs = qs.filter(status__in=CLOSED) if status == "closed" else qs.exclude(status__in=CLOSED)
        start = _parse_date(params.get("start_date"), "start_date")
        end = _parse_date(params.get("end_date"), "end_date")
    except ValidationError as exc:
        return errors(400, " ".join(exc.messages))
    end = end or timezone.now()
    start = start or end - timezone.timedelta(days=90)
    qs = qs.filter(submitted_at__gte=start, submitted_at__lte=end).order_by("-submitted_at")[:MAX_RESULTS]
    return _json([_request(o) for o in qs])


@require_GET
def request_detail(request, number):
    order = WorkOrder.objects.select_related("category", "grid", "building__community").filter(
        number=number.upper()[:20]
    )
    found = order.first()
    if found is None:
        return errors(404, _("Unknown service_request_id."))
    return _json([_request(found)])


def _create(request):
    data = request.POST
    user = ApiToken.authenticate(data.get("api_key", ""))
    if user is None:
        return errors(403, _("A valid api_key is required."))
    category = Category.objects.filter(code=data.get("service_code", ""), active=True).first()
    if category is None:
        return errors(404, _("Unknown service_code."))
    from portal.grids.models import Building

    building = None
    address_id = data.get("address_id", "")
    if address_id:
        building = Building.objects.filter(pk=address_id).first() if address_id.isdigit() else None
        if building is None:
            return errors(400, _("Unknown address_id."))
    lat = lon = None
    try:
        if data.get("lat") or data.get("long"):
            lat, lon = round(float(data["lat"]), 6), round(float(data["long"]), 6)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
    except (KeyError, ValueError):
        return errors(400, _("lat and long must be given together as decimal degrees."))
    if building is None and lat is None and not data.get("address_string"):
        return errors(400, _("A location is required: lat and long, address_string or address_id."))
    name = " ".join(p for p in (data.get("last_name", ""), data.get("first_name", "")) if p).strip()
    try:
        order = services.submit(
            category=category,
            name=name or _("12345 caller"),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            description=data.get("description", ""),
            building=building,
            location=data.get("address_string", ""),
            latitude=lat,
            longitude=lon,
            channel=WorkOrder.Channel.HOTLINE,
            idempotency_key=request.headers.get("Idempotency-Key") or None,
            entered_by=user,
            consent=True,
        )
    except ValidationError as exc:
        return errors(400, " ".join(exc.messages))
    except PhotoStorageError:  # pragma: no cover - Open311 sends no files
        return errors(503, _("Please try again later."))
    return _json(
        [{"service_request_id": order.number, "service_notice": "", "account_id": None}],
        status=200 if order.replayed else 201,
    )


urlpatterns = [
    path("open311/v2/discovery.json", discovery, name="open311_discovery"),
    path("open311/v2/services.json", services_list, name="open311_services"),
    path("open311/v2/services/<slug:code>.json", service_definition, name="open311_service"),
    path("open311/v2/requests.json", requests_view, name="open311_requests"),
    path("open311/v2/requests/<str:number>.json", request_detail, name="open311_request"),
]

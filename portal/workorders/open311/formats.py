"""Open311's two formats: every answer as JSON or XML by the URL's extension, errors as the spec's list
of {code, description}, and the decorator that makes a view an Open311 operation."""

from functools import wraps
from xml.etree.ElementTree import Element, SubElement, tostring

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

FORMATS = {"json": "application/json; charset=utf-8", "xml": "application/xml; charset=utf-8"}

# XML element names of list items, by the name of the list.
XML_ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "required_fields": "field",
}


class Open311Error(Exception):
    def __init__(self, status, description):
        super().__init__(description)
        self.status = status
        self.description = str(description)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(element, value):
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(SubElement(element, key), child)
    elif isinstance(value, list | tuple):
        item = XML_ITEMS.get(element.tag, "item")
        for child in value:
            _fill(SubElement(element, item), child)
    else:
        element.text = _text(value)


def to_xml(root, data):
    element = Element(root)
    _fill(element, data)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(element, encoding="utf-8", xml_declaration=False)


def respond(fmt, root, data, status=200):
    """`data` as JSON or as XML under `root` (a list's items are named by XML_ITEMS[root])."""
    if fmt == "xml":
        return HttpResponse(to_xml(root, data), status=status, content_type=FORMATS["xml"])
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def errors(status, description, fmt="json"):
    return respond(fmt, "errors", [{"code": status, "description": str(description)}], status=status)


def endpoint(*methods):
    """An Open311 view: the format from the URL, a spec error for a wrong method or an Open311Error."""

    def decorator(view):
        @csrf_exempt
        @wraps(view)
        def wrapper(request, *args, fmt="json", **kwargs):
            if request.method not in methods:
                response = errors(405, _("Method %(method)s is not allowed here.") % {"method": request.method}, fmt)
                response["Allow"] = ", ".join(methods)
                return response
            try:
                return view(request, *args, fmt=fmt, **kwargs)
            except Open311Error as exc:
                return errors(exc.status, exc.description, fmt)

        return wrapper

    return decorator


def time_text(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def today_text():
    return time_text(timezone.now().replace(hour=0, minute=0, second=0, microsecond=0))

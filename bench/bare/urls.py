from django.http import HttpResponse
from django.urls import path

from portal.bench.views import CONSTANT_BODY  # the same 200 bytes as the portal's constant view


def constant(request):
    return HttpResponse(CONSTANT_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/constant/", constant)]

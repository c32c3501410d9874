"""Benchmark-only URLs; empty unless the settings turn them on (bench/ sets PORTAL_BENCH_VIEWS=1)."""

from django.conf import settings
from django.urls import path

from . import views

app_name = "bench"

urlpatterns = []
if getattr(settings, "PORTAL_BENCH_VIEWS", False):
    urlpatterns.append(path("bench/constant/", views.constant, name="bench_constant"))

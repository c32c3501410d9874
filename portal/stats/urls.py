from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("data-centre/", views.dashboard, name="dashboard"),
    path("data-centre/export.xlsx", views.export_xlsx, name="export"),
    path("data-centre/cases/", views.cases, name="cases"),
]

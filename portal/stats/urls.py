from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("data-centre/", views.dashboard, name="dashboard"),
    path("data-centre/export.xlsx", views.export_xlsx, name="export"),
    path("data-centre/cases/", views.cases, name="cases"),
    path("data-centre/hotline/", views.hotline_report, name="hotline"),
    path("data-centre/hotline.xlsx", views.hotline_export, name="hotline_export"),
]

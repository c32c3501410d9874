from django.urls import path

from . import views

app_name = "grids"

urlpatterns = [
    path("find-my-steward/", views.find_steward, name="find_steward"),
    path("steward/", views.home, name="home"),
    path("steward/households/", views.household_list, name="household_list"),
    path("steward/households/<int:pk>/", views.household_detail, name="household_detail"),
    path("steward/households/<int:pk>/reveal/", views.household_reveal, name="household_reveal"),
    path("steward/visits/new/", views.visit_pick, name="visit_pick"),
    path("steward/units/<int:pk>/visit/", views.unit_visit, name="unit_visit"),
    path("steward/units/<int:pk>/qr.svg", views.unit_qr, name="unit_qr"),
    path("steward/u/<uuid:token>/", views.unit_by_qr, name="unit_by_qr"),
    path("steward/coverage/", views.coverage, name="coverage"),
    path("steward/care/", views.care_list, name="care_list"),
    path("steward/care/new/", views.care_new, name="care_new"),
    path("steward/care/<int:pk>/", views.care_detail, name="care_detail"),
]

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("partners/apply/", views.apply, name="apply"),
    path("partners/dashboard/", views.dashboard, name="dashboard"),
    path("partners/listings/<int:page_id>/", views.edit_listing, name="edit_listing"),
]

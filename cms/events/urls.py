from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/signups/<uuid:token>/", views.signup_detail, name="signup"),
    path("events/signups/<uuid:token>/qr.svg", views.signup_qr, name="signup_qr"),
    path("events/signups/<uuid:token>/cancel/", views.signup_cancel, name="signup_cancel"),
    path("events/checkin/<str:code>/", views.checkin, name="checkin"),
    path("events/offer/", views.offer_confirm, name="offer_confirm"),
    path("events/<int:page_id>/on-behalf/", views.sign_up_on_behalf, name="on_behalf"),
]

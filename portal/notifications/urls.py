from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("my/messages/", views.preferences, name="preferences"),
]

from django.urls import path

from . import views

app_name = "theme"

urlpatterns = [
    path("elder-mode/", views.elder_mode, name="elder_mode"),
]

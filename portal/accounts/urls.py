from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("my/household/", views.my_household, name="my_household"),
    path("my/data/", views.my_data, name="my_data"),
    path("my/data/download/", views.my_data_download, name="my_data_download"),
    path("my/data/delete/", views.my_data_delete, name="my_data_delete"),
    path("my/phone/claim/", views.claim, name="claim"),
]

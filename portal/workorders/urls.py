from django.urls import path

from . import open311, views

app_name = "workorders"

urlpatterns = [
    path("requests/lookup/", views.lookup, name="lookup"),
    path("requests/mine/", views.mine, name="mine"),
    path("requests/public/", views.public_requests, name="public"),
    path("requests/public/<str:number>/me-too/", views.me_too, name="me_too"),
    path("requests/<str:number>/<str:token>/receipt/", views.receipt, name="receipt"),
    path("requests/<str:number>/<str:token>/", views.detail, name="detail"),
    path("requests/<str:number>/<str:token>/photos/<int:photo_id>/", views.photo, name="photo"),
    path(
        "requests/<str:number>/<str:token>/photos/<int:photo_id>/thumb/",
        views.photo,
        {"size": "thumb"},
        name="photo_thumb",
    ),
    *open311.urlpatterns,
]

"""The steward's request desk (`desk_views`), at the addresses stewards know: /steward/requests/...

Included by the project URLconf (portal/urls.py) beside the grids' steward pages.
"""

from django.urls import path

from . import desk_views

app_name = "desk"

urlpatterns = [
    path("steward/requests/", desk_views.worklist_view, name="worklist"),
    path("steward/requests/assign/", desk_views.bulk_assign, name="bulk_assign"),
    path("steward/requests/export.xlsx", desk_views.export_xlsx, name="worklist_export"),
    path("steward/requests/<str:number>/", desk_views.request_detail, name="request_detail"),
    path("steward/requests/<str:number>/reveal/", desk_views.request_reveal, name="request_reveal"),
    path("steward/requests/<str:number>/act/", desk_views.request_act, name="request_act"),
]

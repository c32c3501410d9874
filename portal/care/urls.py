from django.urls import path

from . import views

app_name = "care"

urlpatterns = [
    path("steward/care/family/", views.calls, name="calls"),
    path("steward/care/<int:pk>/family/", views.elder, name="elder"),
    path("steward/care/<int:pk>/family/contact/", views.contact_add, name="contact_add"),
    path("steward/care/<int:pk>/family/handoff/", views.handoff_add, name="handoff_add"),
    path("steward/care/campaigns/", views.campaigns, name="campaigns"),
    path("steward/care/campaigns/new/", views.campaign_add, name="campaign_add"),
    path("steward/care/campaigns/<int:pk>/", views.campaign, name="campaign"),
    path("steward/care/campaigns/<int:pk>/done/<int:elder>/", views.campaign_tick, name="campaign_tick"),
]

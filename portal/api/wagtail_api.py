"""Wagtail's own API (v2) for pages, images and documents, at /api/v2/."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Pages listed by type load their own relations in a fixed number of queries, not one per page.

    For `?type=app.Model` listings: the model's own foreign keys are joined (select_related) and its
    tags prefetched (and the locale every item's meta shows), so `fields=*` costs the same with 10 pages or 100.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        if model is Page or not issubclass(model, Page):
            return queryset
        own = {f.name for f in Page._meta.get_fields()}
        joins = ["locale"] + [f.name for f in model._meta.concrete_fields if f.many_to_one and f.name not in own]
        queryset = queryset.select_related(*joins)
        if hasattr(model, "tags"):
            queryset = queryset.prefetch_related("tags")
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

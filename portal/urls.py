from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.sitemap import LocalisedSitemap
from portal.api.ninja_api import api
from portal.api.wagtail_api import api_router
from portal.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalisedSitemap}}, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/portal/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("portal.bench.urls")),  # empty unless PORTAL_BENCH_VIEWS (bench/ only)
]


def app_urls():
    """Each portal app's own `urls.py` (sign-up, lookup, search...), before Wagtail's page catch-all."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith(("portal.", "cms.", "search", "theme")):
            continue
        try:
            import_module(f"{config.name}.urls")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.urls":
                raise
            continue
        found.append(path("", include(f"{config.name}.urls")))
    return found


# Pages and site views carry the language in the URL; Chinese, the default, has no prefix.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    *app_urls(),
    path("", include("portal.workorders.desk_urls")),  # the steward's request desk, /steward/requests/
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Development and `make run` (portal.settings.local) have no web server in front to serve uploads.
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns = [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
        *urlpatterns,
    ]

# Branded error pages in the visitor's language (theme/templates/404.html, 403.html, 500.html); a
# database outage raised outside any view (a middleware's response hook) is a 503 (issue 16).
handler404 = "theme.views.page_not_found"
handler403 = "theme.views.permission_denied"
handler500 = "theme.views.server_error"

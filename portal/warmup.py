"""Load in the gunicorn master, before it forks, what Django and Wagtail otherwise load on a
worker's first requests: the URLconf and the views it imports, the translation catalogues, the
compiled templates, Wagtail's hooks. A new worker then answers its first request as fast as its
thousandth (docs/performance.md, "Worker recycling"). Opens no database connection.

An app adds what it alone knows to load with `register` (search: its Chinese analysis, about a
second), in its AppConfig.ready; those run first.
"""

import logging

logger = logging.getLogger(__name__)

_app_warmers = []


def register(warmer):
    """A function without arguments that loads something now; it must not touch the database."""
    if warmer not in _app_warmers:
        _app_warmers.append(warmer)
    return warmer


#: Templates nearly every page renders (the page types' own templates are added below).
COMMON_TEMPLATES = (
    "base.html",
    "navigation/header.html",
    "navigation/footer.html",
    "navigation/breadcrumbs.html",
    "navigation/elder_toggle.html",
    "navigation/language_switcher.html",
    "components/messages.html",
    "components/brand_style.html",
    "search/search.html",
)


def warm_up():
    for warmer in _app_warmers:
        warmer()

    from django.conf import settings
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template
    from django.urls import get_resolver, resolve
    from django.urls.exceptions import Resolver404
    from django.utils import translation
    from wagtail import hooks
    from wagtail.models import get_page_models

    resolver = get_resolver()
    for path in ("/", "/en/", "/search/", "/api/portal/openapi.json", "/healthz"):
        try:
            resolve(path)  # imports every view module behind the URLconf
        except Resolver404:
            pass
    resolver.reverse_dict  # noqa: B018 - builds the reverse lookup tables

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")  # loads this language's catalogues

    names = list(COMMON_TEMPLATES)
    for model in get_page_models():
        template = getattr(model, "template", None)
        if isinstance(template, str):
            names.append(template)
    for name in names:
        try:
            get_template(name)  # compiled once, kept by the cached loader the workers inherit
        except TemplateDoesNotExist:
            logger.debug("warm-up: no template %s", name)

    hooks.search_for_hooks()

"""Rendering site views (not pages) inside the site's page layout.

The shared header links to the site's root page through `page`; views that are not pages pass the
site's root page so the layout renders the same for them. Templates override the title block.
"""

from django.shortcuts import render as django_render
from wagtail.models import Site


def render(request, template, context=None, status=200, **kwargs):
    context = dict(context or {})
    if "page" not in context:
        site = Site.find_for_request(request)
        context["page"] = site.root_page.specific if site else None
    context.setdefault("site_view", True)
    return django_render(request, template, context, status=status, **kwargs)

"""WSGI entry point for gunicorn: `gunicorn portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What a worker would otherwise load on its first requests (about a second for search's Chinese
# analysis alone): here, once in the gunicorn master when it preloads the app, before any fork.
from portal import warmup  # noqa: E402 - needs the settings above
from search import analysis  # noqa: E402

analysis.warm_up()
warmup.warm_up()

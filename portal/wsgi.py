"""WSGI entry point for gunicorn: `gunicorn portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What a worker would otherwise load on its first requests (about a second for search's Chinese
# analysis alone, which search registers with the warm-up): here, once in the gunicorn master when
# it preloads the app, before any fork.
from portal import warmup  # noqa: E402 - needs the settings above

warmup.warm_up()

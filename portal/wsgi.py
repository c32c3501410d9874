"""WSGI entry point for gunicorn: `gunicorn portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Search's Chinese analysis loads in about a second: here, once in the gunicorn master when it
# preloads the app, rather than in each worker's first search.
from search import analysis  # noqa: E402 - needs the settings above

analysis.warm_up()

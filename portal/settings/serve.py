"""Production settings served over plain HTTP on this machine (`make serve`, bench/).

Everything production does (DEBUG off, hashed static files, gunicorn, connection reuse) except
the parts that need HTTPS in front: no HTTPS redirect, no HSTS, cookies not marked Secure.
"""

from .env import env_choice
from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_PROXY_SSL_HEADER = None
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# `make serve` (and bench/) run `manage.py send_notifications --follow` beside gunicorn.
NOTIFICATIONS_SENDER = env_choice("NOTIFICATIONS_SENDER", "worker", ("request", "worker"))

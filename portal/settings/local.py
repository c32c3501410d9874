"""`make run`: the product as residents see it, on this machine, with no set-up.

DEBUG off, so visitors get the site's own 404/500 pages, never Django's debug pages (which list
every URL pattern). Static files are served by whitenoise straight from the apps (no collectstatic
step); uploaded media (photos, pictures) by Django itself, since there is no web server in front.
`make dev` keeps `portal.settings.dev` (DEBUG on) for developers; production is `portal.settings.production`.
"""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "local-only-key-do-not-use-in-production-9f8e7d6c5b4a")  # noqa: S105
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
ACCOUNT_EMAIL_VERIFICATION = "none"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve the apps' static files without collectstatic
SERVE_MEDIA = True  # portal/urls.py: uploaded files under MEDIA_URL, read-only, from MEDIA_ROOT

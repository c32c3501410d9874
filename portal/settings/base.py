"""Base settings: secure by default, every deploy choice from the environment.

dev.py, test.py and production.py import this module and override a few values.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Apps: the portal's own, Wagtail's, then Django's and third parties'.
PORTAL_APPS = [
    "portal.accounts",
    "portal.grids",
    "portal.partners",
    "portal.workorders",
    "portal.stats",
    "portal.api",
    "portal.demo",
    "portal.pagecache",
    "cms.core",
    "cms.home",
    "cms.pages",
    "cms.news",
    "cms.events",
    "cms.services",
    "cms.forms",
    "search",
    "theme",
]

INSTALLED_APPS = [
    *PORTAL_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.workorders.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "theme" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "theme.context_processors.theme",
            ],
        },
    },
]

# Database: DATABASE_URL, default an SQLite file in the project.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend with a health check that needs no round trip (portal/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "portal.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL, default local memory.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.pagecache.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 300,
            # Fail fast when Redis is down or hanging: pages are then served uncached (pagecache).
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_CONNECT_TIMEOUT_MS", 300) / 1000,
                "socket_timeout": env_int("REDIS_TIMEOUT_MS", 500) / 1000,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }

# Whole-page cache of anonymous public pages (portal/pagecache, docs/performance.md).
PAGECACHE_ENABLED = env_bool("PAGECACHE_ENABLED", True)
PAGECACHE_TIMEOUT = env_int("PAGECACHE_TIMEOUT", 600)
PORTAL_BENCH_VIEWS = env_bool("PORTAL_BENCH_VIEWS", False)  # bench/ only: the constant yardstick view

# Search: ELASTICSEARCH_URL selects Elasticsearch; default the embedded database backend.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")
# The default is always the Chinese-aware database backend (site search, API, admin page search);
# with ELASTICSEARCH_URL the site search and API ask Elasticsearch first and fall back to it.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"},
}
PORTAL_SEARCH = {
    "ELASTICSEARCH_URL": ELASTICSEARCH_URL,
    "ELASTICSEARCH_INDEX": env_str("ELASTICSEARCH_INDEX", "portal-pages"),
    "ELASTICSEARCH_TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 3),
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")

# Languages: Chinese first, English second; Asia/Shanghai time.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# Mail: Django's mail backend, console in development.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "红管家 <noreply@localhost>")

# Text messages to residents (portal.workorders.notifications): the default only logs them. A
# deployment names its gateway class here, e.g. "portal.workorders.notifications.WebhookSmsBackend"
# with SMS_GATEWAY_URL (and SMS_GATEWAY_TOKEN), or a subclass of BaseSmsBackend of its own.
SMS_BACKEND = env_str("SMS_BACKEND", "portal.workorders.notifications.LoggingSmsBackend")
# Who sends the outbox: "request" (the web process, after the response) or "worker" (a separate
# `manage.py send_notifications --follow` process; make serve runs one). portal/workorders/notifications.py
NOTIFICATIONS_SENDER = env_choice("NOTIFICATIONS_SENDER", "request", ("request", "worker"))
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL", "")
SMS_GATEWAY_TOKEN = env_str("SMS_GATEWAY_TOKEN", "")
SMS_GATEWAY_TIMEOUT = env_int("SMS_GATEWAY_TIMEOUT", 5)

# Wagtail.
WAGTAIL_SITE_NAME = _("Zhiye Guanqing · Weimei Jiayuan")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "theme.images.AltTextImageForm"  # alt text (description) required
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "txt"]
# Unset: the API's absolute links come from the Site that answers the request (Site.root_url).
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL", "") or None
WAGTAILAPI_LIMIT_MAX = 100
# Nothing leaves the site: no Gravatar avatars, no calls to releases.wagtail.org from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Security defaults that hold in every environment.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the CSRF cookie from JavaScript.
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views opt back in to SAMEORIGIN themselves.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Demo content: how many of each thing `manage.py load_demo` creates is scaled by --scale.
DEMO_ADMIN_USERNAME = env_str("DEMO_ADMIN_USERNAME", "admin")

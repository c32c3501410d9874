"""Base settings: secure by default, every deploy choice from the environment.

dev.py, test.py and production.py import this module and override a few values.
"""

from datetime import timedelta
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
    "portal.care",
    "portal.partners",
    "portal.workorders",
    "portal.notifications",
    "portal.stats",
    "portal.api",
    "portal.demo",
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
    "wagtail.contrib.frontend_cache",
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
    "allauth.socialaccount",
    "allauth.socialaccount.providers.weixin",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "cms.core.caching.BrowserRevalidateMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.workorders.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.common.middleware.RequestSizeMiddleware",
    # Anonymous pages from the page cache (cms/core/caching.py): stored after the inner middleware
    # ran, served before them; the language is known, the session not yet read.
    "wagtailcache.cache.UpdateCacheMiddleware",
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.common.csp.PortalCSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out log-in (docs/deployment.md)
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL (django-redis), default local memory. "pages" holds whole anonymous pages
# (wagtail-cache, cms/core/caching.py) under its own key prefix, so clearing it leaves the rest.
REDIS_URL = env_str("REDIS_URL", "")
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)


def _cache(prefix, timeout):
    if not REDIS_URL:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix, "TIMEOUT": timeout}
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal") + ":" + prefix,
        "TIMEOUT": timeout,
        "OPTIONS": {
            # Fail open and fast: with Redis down or hanging every read is a miss, every write a
            # no-op (pages are rendered, rate limits not counted); django-redis logs each failure.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": env_int("REDIS_CONNECT_TIMEOUT_MS", 300) / 1000,
            "SOCKET_TIMEOUT": env_int("REDIS_TIMEOUT_MS", 500) / 1000,
        },
    }


CACHES = {"default": _cache("default", 300), "pages": _cache("pages", PAGE_CACHE_SECONDS)}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
WAGTAIL_CACHE_BACKEND = "pages"
# wagtail-cache is used for its middleware only, not installed as an app: its admin "clear cache"
# button and clear_wagtail_cache command call cache.clear(), which on django-redis empties the whole
# Redis database (rate-limit counters included). cms/core/caching.py clears only the pages' keys.
WAGTAIL_CACHE = env_bool("PAGE_CACHE", True)
# An edge cache (Varnish, a CDN) in front: FRONTEND_CACHE_URL is where Wagtail sends its PURGE
# requests (wagtail.contrib.frontend_cache's HTTP backend, e.g. http://varnish:6081).
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
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
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out account or address
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# Residents sign up and sign in with a mainland mobile number and an SMS code (allauth's phone
# support, portal/accounts/adapter.py); a password and an e-mail address are optional. Staff keep
# username (or e-mail) and password. Codes: 6 digits, 10 minutes, rate-limited by allauth per number
# and per IP ("request_login_code", "verify_phone" in ACCOUNT_RATE_LIMITS), sent through the outbox.
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "portal.accounts.adapter.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"phone", "username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["phone*", "email", "password1", "password2"]
ACCOUNT_FORMS = {"signup": "portal.accounts.forms.SignupForm"}  # labels the optional password as such
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 600
ACCOUNT_PREVENT_ENUMERATION = True
# WeChat log-in (allauth's weixin provider): on when WEIXIN_APP_ID and WEIXIN_APP_SECRET are set, or
# when a "Weixin" social application is added in /django-admin/ (Social applications); off otherwise.
WEIXIN_APP_ID = env_str("WEIXIN_APP_ID", "")
WEIXIN_APP_SECRET = env_str("WEIXIN_APP_SECRET", "")
SOCIALACCOUNT_PROVIDERS = {
    "weixin": {
        "SCOPE": ["snsapi_login"],
        "AUTHORIZE_URL": env_str("WEIXIN_AUTHORIZE_URL", "https://open.weixin.qq.com/connect/qrconnect"),
        **({"APPS": [{"client_id": WEIXIN_APP_ID, "secret": WEIXIN_APP_SECRET}]} if WEIXIN_APP_ID else {}),
    }
}
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")

# One brute-force policy for every log-in form (site, Wagtail admin, Django admin): django-axes with
# its database handler, so it holds while Redis is down. Per account and per address, separately.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "portal.accounts.lockout.username"
AXES_LOCKOUT_CALLABLE = "portal.accounts.lockout.locked_out"
AXES_VERBOSE = False
ACCOUNT_RATE_LIMITS = {"login_failed": None}  # axes is the one policy for failed log-ins

# Content-Security-Policy (django-csp, portal/common/csp.py, docs/deployment.md): no inline script
# on the public site; under CSP_ADMIN_INLINE_SCRIPT_PATHS the enforced policy allows inline script,
# because Wagtail 7.4's chooser and date widgets write inline scripts that cannot carry a nonce (the
# chooser's from Python, the date widgets' from templates rendered without the request), and the
# strict policy is reported there instead. docs/deployment.md lists them and what would change it.
_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],  # style attributes of Wagtail's admin and rich text
    "img-src": ["'self'", "data:", "blob:", *env_list("CSP_IMG_SRC", [])],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *env_list("CSP_FRAME_SRC", [])],  # video embeds' hosts
    "media-src": ["'self'", *env_list("CSP_IMG_SRC", [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
if env_str("CSP_REPORT_URI", ""):
    _CSP["report-uri"] = [env_str("CSP_REPORT_URI", "")]
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP}
# The same policy, report-only, with the first characters of what it would block in each report:
# under /admin/ it shows which of Wagtail's inline scripts still stand in the way of enforcing it.
CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {**_CSP, "script-src": [*_CSP["script-src"], "'report-sample'"]}}
CSP_ADMIN_INLINE_SCRIPT_PATHS = ["/admin/", "/django-admin/"]

# Languages: Chinese first, English second; Asia/Shanghai time.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's own strings first (makemessages writes to the first entry), then the Wagtail 7.4
# admin strings that Wagtail's zh_Hans catalog leaves untranslated (locale/wagtail/README.md). Every
# LOCALE_PATHS catalog takes precedence over the installed apps' catalogs, Wagtail's included, for
# both the django and the djangojs (admin JavaScript) domains. locale/allauth words allauth's
# sign-in-by-code strings as residents read them (验证码, not 代码).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail", BASE_DIR / "locale" / "allauth"]
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
REQUEST_MAX_BODY_SIZE = 45 * 1024 * 1024  # a multipart upload: 4 photos of at most 10 MB and the fields

# Mail: Django's mail backend, console in development.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "红管家 <noreply@localhost>")

# Text messages (portal.notifications.sms): the default only logs them. A deployment names its vendor:
# "portal.notifications.sms.aliyun.AliyunSmsBackend" or "portal.notifications.sms.tencent.TencentSmsBackend"
# (keys below; sign name and template codes in the admin), or "portal.notifications.sms.WebhookSmsBackend"
# with SMS_GATEWAY_URL (and SMS_GATEWAY_TOKEN). docs/operations.md says how to set each up.
SMS_BACKEND = env_str("SMS_BACKEND", "portal.notifications.sms.LoggingSmsBackend")
SMS_SIGN_NAME = env_str("SMS_SIGN_NAME", "")  # used when the admin's SMS settings leave it empty
ALIYUN_SMS_ACCESS_KEY_ID = env_str("ALIYUN_SMS_ACCESS_KEY_ID", "")
ALIYUN_SMS_ACCESS_KEY_SECRET = env_str("ALIYUN_SMS_ACCESS_KEY_SECRET", "")
ALIYUN_SMS_ENDPOINT = env_str("ALIYUN_SMS_ENDPOINT", "dysmsapi.aliyuncs.com")
TENCENT_SMS_SECRET_ID = env_str("TENCENT_SMS_SECRET_ID", "")
TENCENT_SMS_SECRET_KEY = env_str("TENCENT_SMS_SECRET_KEY", "")
TENCENT_SMS_SDK_APP_ID = env_str("TENCENT_SMS_SDK_APP_ID", "")
TENCENT_SMS_REGION = env_str("TENCENT_SMS_REGION", "ap-guangzhou")
TENCENT_SMS_ENDPOINT = env_str("TENCENT_SMS_ENDPOINT", "sms.tencentcloudapi.com")
# Who sends the outbox: "request" (the web process, after the response) or "worker" (a separate
# `manage.py send_notifications --follow` process; make serve runs one). portal/notifications/outbox.py
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
CSRF_FAILURE_VIEW = "theme.views.csrf_failure"  # a branded page in the visitor's language
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

"""A bare Django project: `django-admin startproject`'s settings and middleware, one fixed page.

The benchmark's yardstick (issue 23): what this server and this gunicorn.conf.py give for a
Django request that does nothing, without any of the portal's middleware or apps.
"""

SECRET_KEY = "bench-only-not-secret"  # noqa: S105 - a yardstick project that serves one fixed page
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "bench.bare.urls"
TEMPLATES = []
DATABASES = {}
USE_TZ = True
STATIC_URL = "static/"

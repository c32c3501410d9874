"""Settings come from the environment as .env.example documents, and production is locked down."""

import json
import secrets

from tests.conftest import run_manage, run_python

READ_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""), "port": str(db.get("PORT", "")),
    "conn_max_age": db.get("CONN_MAX_AGE"),
    "cache": settings.CACHES["default"]["BACKEND"], "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "pages_cache": settings.CACHES["pages"]["BACKEND"], "pages_options": settings.CACHES["pages"].get("OPTIONS", {}),
    "es": settings.ELASTICSEARCH_URL, "debug": settings.DEBUG, "hosts": settings.ALLOWED_HOSTS,
    "media": str(settings.MEDIA_ROOT), "language": settings.LANGUAGE_CODE, "tz": settings.TIME_ZONE,
    "languages": [code for code, _ in settings.LANGUAGES],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def read_settings(env, module="portal.settings.base"):
    result = run_python(READ_SETTINGS, env=env, settings=module)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_the_embedded_stack():
    values = read_settings({"SECRET_KEY": "x" * 60})
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["es"] == ""
    assert values["debug"] is False
    assert values["language"] == "zh-hans"
    assert values["languages"] == ["zh-hans", "en"]
    assert values["tz"] == "Asia/Shanghai"
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_environment_selects_database_cache_search_hosts_and_media(tmp_path):
    values = read_settings(
        {
            "SECRET_KEY": "x" * 60,
            "DATABASE_URL": "postgres://portal:pw@db.internal:5433/portal",
            "CONN_MAX_AGE": "60",
            "REDIS_URL": "redis://cache.internal:6379/3",
            "ELASTICSEARCH_URL": "http://search.internal:9200",
            "DEBUG": "true",
            "ALLOWED_HOSTS": "portal.example.cn, www.portal.example.cn",
            "MEDIA_ROOT": str(tmp_path),
        }
    )
    assert values["engine"] == "django.db.backends.postgresql"  # Django's own backend
    assert (values["name"], values["host"], values["port"]) == ("portal", "db.internal", "5433")
    assert values["conn_max_age"] == 60
    assert values["cache"] == "django_redis.cache.RedisCache"  # fails open (IGNORE_EXCEPTIONS)
    assert values["pages_cache"] == "django_redis.cache.RedisCache" and values["pages_options"]["IGNORE_EXCEPTIONS"]
    assert values["cache_location"] == "redis://cache.internal:6379/3"
    assert values["es"] == "http://search.internal:9200"
    assert values["debug"] is True
    assert values["hosts"] == ["portal.example.cn", "www.portal.example.cn"]
    assert values["media"] == str(tmp_path)


def test_a_malformed_boolean_is_refused_with_its_name():
    result = run_python(READ_SETTINGS, env={"DEBUG": "maybe"}, settings="portal.settings.base")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(READ_SETTINGS, env={"SECRET_KEY": ""}, settings="portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_passes_check_deploy_with_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="portal.settings.production",
        env={"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "portal.example.cn", "DEBUG": "false"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout

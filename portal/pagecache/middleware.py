"""Serve anonymous visitors whole cached pages; store only pages that are the same for everyone.

A request may be answered from the cache only when it is a GET or HEAD from a visitor without a
session cookie (so never a logged-in user) and without a pending message. A response is stored
only when it is a complete 200 HTML page that set no cookie but the CSRF cookie, showed no message
and did not ask to stay private or uncached. Keys vary by host, language, elder-friendly mode,
path and query string, and contain the generation counter (see generation.py), so any content
change makes every older entry unreachable.

Forms (the elder-mode switch on every page, event sign-up): the visitor's CSRF token is cut out of
the stored page (each `csrfmiddlewaretoken` field becomes a placeholder) and every visitor served
from the cache gets a fresh token of their own, with their own CSRF cookie, exactly as Django's
CsrfViewMiddleware would give them. A page that shows the token anywhere else is not stored.

A cache that cannot be reached is skipped: the page is rendered as if there were no cache.
"""

import hashlib
import logging
import re
import secrets

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from . import generation, memo

logger = logging.getLogger(__name__)

ELDER_COOKIE = "elder_mode"
try:  # the theme owns the cookie's name
    from theme.context_processors import ELDER_COOKIE  # noqa: F811
except ImportError:  # pragma: no cover - the theme always ships it
    pass

# Paths (after an optional language prefix) that are never cached.
DEFAULT_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/healthz",
    "/documents/",
    "/accounts/",
    "/i18n/",
    "/jsi18n/",
    "/static/",
    "/media/",
    "/bench/",
)
# Response headers that make no sense to replay to another visitor.
DROPPED_HEADERS = {"set-cookie", "x-page-cache", "date"}
HEADER = "X-Page-Cache"
CSRF_PLACEHOLDER = b"\x00pagecache-csrf\x00"
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{64})(")')
TOKEN_LIKE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
# Page types whose content changes without an edit (live figures): always rendered fresh.
DEFAULT_UNCACHED_PAGE_TYPES = ("stats.publicreportpage",)


def enabled():
    return getattr(settings, "PAGECACHE_ENABLED", True)


def _strip_language(path):
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def _excluded(path):
    prefixes = getattr(settings, "PAGECACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES)
    return _strip_language(path).startswith(tuple(prefixes))


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    return not _excluded(request.path)


def elder_mode(request):
    return request.COOKIES.get(ELDER_COOKIE) == "1"


def cache_key(request, gen):
    full_path = request.get_full_path()
    digest = hashlib.blake2b(full_path.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return ":".join(
        (
            "pagecache",
            str(gen),
            request.get_host(),
            get_language() or settings.LANGUAGE_CODE,
            "elder" if elder_mode(request) else "std",
            digest,
        )
    )


def response_is_storable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False  # a cookie for this visitor (the CSRF cookie is handled below)
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or len(storage)):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return False
    page = (getattr(response, "context_data", None) or {}).get("page")
    if page is not None and hasattr(page, "_meta"):
        uncached = getattr(settings, "PAGECACHE_UNCACHED_PAGE_TYPES", DEFAULT_UNCACHED_PAGE_TYPES)
        if page._meta.label_lower in uncached or getattr(page, "page_cache", True) is False:
            return False
    return True


_CSRF_INDEX = {char: i for i, char in enumerate(CSRF_ALLOWED_CHARS)}
_CSRF_BASE = len(CSRF_ALLOWED_CHARS)  # 62
_CSRF_UNBIASED = 256 - 256 % _CSRF_BASE  # bytes at or above this are dropped (no modulo bias)


def _random_indexes(count):
    """`count` uniformly random indexes into CSRF_ALLOWED_CHARS, from the OS's CSPRNG."""
    out = []
    while len(out) < count:
        out.extend(b % _CSRF_BASE for b in secrets.token_bytes(count + 8) if b < _CSRF_UNBIASED)
    return out[:count]


def issue_csrf_token(request):
    """Exactly what `django.middleware.csrf.get_token` returns and records, about 4× faster.

    Django draws each of the 64 random characters with its own `secrets.choice` call (≈115 µs per
    token, a quarter of a cache hit); this draws the same uniformly distributed characters from one
    `secrets.token_bytes` call. The secret (new, or the visitor's from their cookie) is kept in
    `request.META` and the masked token returned, so CsrfViewMiddleware sets the cookie as usual.
    """
    secret = request.META.get("CSRF_COOKIE")
    if secret and len(secret) == CSRF_SECRET_LENGTH and all(c in _CSRF_INDEX for c in secret):
        secret_indexes = [_CSRF_INDEX[c] for c in secret]
    else:
        secret_indexes = _random_indexes(CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = "".join([CSRF_ALLOWED_CHARS[i] for i in secret_indexes])
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_indexes(CSRF_SECRET_LENGTH)
    cipher = [CSRF_ALLOWED_CHARS[(s + m) % _CSRF_BASE] for s, m in zip(secret_indexes, mask, strict=True)]
    return "".join([CSRF_ALLOWED_CHARS[i] for i in mask]) + "".join(cipher)


def strip_csrf(request, content):
    """The page with this visitor's CSRF tokens cut out, or None when a token shows anywhere else."""
    if not request.META.get("CSRF_COOKIE"):
        return content  # no CSRF secret in play: no token can be in the page
    stripped = CSRF_FIELD.sub(lambda m: m.group(1) + CSRF_PLACEHOLDER + m.group(3), content)
    secret = request.META.get("CSRF_COOKIE", "")
    if secret and secret.encode() in stripped:
        return None
    from django.middleware.csrf import _does_token_match  # the same comparison Django makes

    for match in TOKEN_LIKE.finditer(stripped):
        try:
            if _does_token_match(match.group(0).decode(), secret):
                return None  # a token outside a form field (a script, a data attribute): not shared
        except Exception:  # noqa: BLE001, S112 - not a token
            continue
    return stripped


class PageCacheMiddleware:
    """Place right after LocaleMiddleware, so the language is known and little work precedes a hit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not request_is_cacheable(request):
            return self.get_response(request)
        cache = caches[getattr(settings, "PAGECACHE_CACHE", "default")]
        try:
            key = cache_key(request, generation.current())
            entry = cache.get(key)
        except Exception:  # noqa: BLE001 - a broken cache must not break pages
            logger.warning("page cache unavailable; serving uncached", exc_info=True)
            response = self.get_response(request)
            response[HEADER] = "off"
            return response
        if entry is not None:
            return self._replay(request, entry)
        memo.remember_site(request)
        response = self.get_response(request)
        content = strip_csrf(request, response.content) if response_is_storable(request, response) else None
        if content is not None:
            patch_vary_headers(response, ("Cookie",))
            headers = [(k, v) for k, v in response.items() if k.lower() not in DROPPED_HEADERS]
            try:
                cache.set(key, (content, headers), getattr(settings, "PAGECACHE_TIMEOUT", 600))
            except Exception:  # noqa: BLE001
                logger.warning("page cache: could not store a page", exc_info=True)
            response[HEADER] = "miss"
        else:
            response[HEADER] = "skip"
        return response

    def _replay(self, request, entry):
        content, headers = entry
        csrf = None
        if CSRF_PLACEHOLDER in content:
            # Give this visitor their own token and cookie, as CsrfViewMiddleware would.
            csrf = CsrfViewMiddleware(lambda r: None)
            csrf.process_request(request)
            content = content.replace(CSRF_PLACEHOLDER, issue_csrf_token(request).encode())
        response = HttpResponse(b"" if request.method == "HEAD" else content)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        if csrf is not None:
            response = csrf.process_response(request, response)
        response[HEADER] = "hit"
        return response

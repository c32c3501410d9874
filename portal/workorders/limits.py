"""Rate limits per client IP and per phone number, counted in the cache (Redis in production).

An idempotent replay (a key already used) is not counted: retrying never locks a resident out.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULTS = {"ip_per_hour": 20, "phone_per_hour": 5, "lookup_per_hour": 60, "me_too_per_hour": 20}


class RateLimited(ValidationError):
    """Too many submissions: a 429."""


def limit(name):
    return getattr(settings, "WORKORDER_RATE_LIMITS", {}).get(name, DEFAULTS[name])


def client_ip(request):
    # Behind a trusted proxy set REMOTE_ADDR from X-Forwarded-For there (see docs/deployment.md).
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _hit(*counters, window=3600):
    """Count one more in each (bucket, value, maximum) counter; True when any is over its maximum."""
    keys = [
        "wo-rate:" + bucket + ":" + hashlib.sha256(value.encode()).hexdigest()[:32] for bucket, value, _m in counters
    ]
    counts = _redis_counts(keys, window) if _on_redis() else [_count(key, window) for key in keys]
    if any(count is None for count in counts):  # the cache is down: fail open
        return False
    return any(count > maximum for count, (_b, _v, maximum) in zip(counts, counters, strict=True))


def _on_redis():
    return type(caches["default"]).__module__.startswith("django_redis")


def _redis_counts(keys, window):
    """Every counter in one round trip (`SET key 0 EX window NX` + `INCR key` each, pipelined),
    through django-redis's own connection; None for each while Redis is unreachable."""
    from django_redis import get_redis_connection
    from redis.exceptions import RedisError

    try:
        pipe = get_redis_connection("default").pipeline(transaction=False)
        for key in keys:
            full = cache.make_key(key)
            pipe.set(full, 0, ex=int(window), nx=True)
            pipe.incr(full)
        return pipe.execute()[1::2]
    except (RedisError, OSError):
        return [None] * len(keys)


def _count(key, window):
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        return 1


def check_submission(request, phone=None, idempotency_key=None):
    """Raise RateLimited when this IP or phone has submitted too often in the last hour.

    A replay (an idempotency key already used) is not counted. Callers that go on to
    `services.submit` pass `check_submission_rate` as its `rate_limit` instead: `submit` looks
    the key up anyway, so the check then costs no extra query.
    """
    from .models import WorkOrder

    if idempotency_key and WorkOrder.objects.filter(idempotency_key=idempotency_key).exists():
        return
    check_submission_rate(request, phone)


def check_submission_rate(request, phone=None):
    """Count one new submission from this IP (and phone); raise RateLimited over the limit."""
    counters = [("ip", client_ip(request), limit("ip_per_hour"))]
    if phone:
        counters.append(("phone", phone, limit("phone_per_hour")))
    if _hit(*counters):
        raise RateLimited(
            _("You have sent many requests in a short time. Please wait an hour or call the 24-hour hotline."),
            code="rate_limited",
        )


def check_lookup(request):
    if _hit(("lookup", client_ip(request), limit("lookup_per_hour"))):
        raise RateLimited(_("Too many look-ups. Please wait a while and try again."), code="rate_limited")


def check_me_too(request):
    """Raise RateLimited when this IP has added "me too" too often in the last hour."""
    if _hit(("me-too", client_ip(request), limit("me_too_per_hour"))):
        raise RateLimited(
            _("You have added “me too” many times in a short time. Please wait a while."), code="rate_limited"
        )

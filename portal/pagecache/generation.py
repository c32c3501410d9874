"""The cache generation: one counter in the shared cache; every cached page key contains it.

Changing anything a public page may show bumps the counter, so every page cached before the change
is never read again (it simply expires). Each worker process remembers the counter for at most
`PAGECACHE_GENERATION_TTL` seconds (default 0.5), so another worker's change is seen within a second
while a cache hit costs one cache round trip, not two.

When the cache is unreachable a bump cannot be stored; the process remembers it and stores it
before it next reads the cache, so pages cached before an outage are not served after it.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

KEY = "pagecache:generation"

_lock = threading.Lock()
_local = {"value": None, "read_at": 0.0, "pending_bump": False}


def _cache():
    return caches[getattr(settings, "PAGECACHE_CACHE", "default")]


def _ttl():
    return getattr(settings, "PAGECACHE_GENERATION_TTL", 0.5)


def _fresh_start():
    # Never restart at a small number after the cache lost the key: old entries could still exist.
    return time.time_ns() // 1000


def current():
    """The generation to build keys with; raises if the cache cannot be reached."""
    now = time.monotonic()
    with _lock:
        if _local["pending_bump"]:
            _store_bump()
        elif _local["value"] is not None and now - _local["read_at"] < _ttl():
            return _local["value"]
    cache = _cache()
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, _fresh_start(), timeout=None)
        value = cache.get(KEY)
    if value is None:
        raise RuntimeError("page cache: the generation cannot be read (cache unavailable)")
    with _lock:
        _local["value"] = value
        _local["read_at"] = now
    return value


def _store_bump():
    cache = _cache()
    try:
        value = cache.incr(KEY)
    except ValueError:  # the key is missing (first use, eviction, cache restarted empty)
        cache.add(KEY, _fresh_start(), timeout=None)
        value = cache.incr(KEY)
    _local["value"] = value
    _local["read_at"] = time.monotonic()
    _local["pending_bump"] = False
    return value


def bump():
    """Invalidate every cached page and fragment. Never raises: a cache outage must not break a save."""
    with _lock:
        try:
            return _store_bump()
        except Exception:  # noqa: BLE001 - any cache failure; remembered and retried
            _local["pending_bump"] = True
            _local["value"] = None
            logger.warning("page cache: could not store a generation bump; will retry", exc_info=True)
            return None


def forget_local():
    """Drop this process's remembered generation (tests, after flushing the cache)."""
    with _lock:
        _local["value"] = None
        _local["read_at"] = 0.0
        _local["pending_bump"] = False

"""A Redis cache that degrades instead of failing: when Redis is down every read is a miss.

Django's RedisCache raises on a refused or timed-out connection, and Wagtail reads the cache on
every page (site root paths), so a Redis outage would turn every page into a 500. This backend
turns connection errors into misses and no-op writes, and after one failure stops trying for
`RETRY_AFTER` seconds (per process) so an outage costs no time per request.

Documented fallbacks while Redis is down (docs/performance.md): pages are rendered uncached,
rate limits fail open (counts cannot be kept), sessions are unaffected (they live in the database).
`incr`/`decr` raise ValueError, as for a missing key, so callers' "missing key" paths run.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)
RETRY_AFTER = 2.0


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new `redis.Redis` for every cache call (≈80 µs of Python: it fills a
    table of ~170 response callbacks each time, more than the Redis round trip itself). One client
    per connection pool is enough: a `redis.Redis` is thread-safe and borrows a connection from the
    pool for each command, and the pool itself reconnects after a fork or a lost connection."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _guard(self, default, method, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return method(*args, **kwargs)
        except ERRORS:
            if self.available:
                logger.warning("cache: Redis unreachable; continuing without it", exc_info=True)
            type(self)._down_until = time.monotonic() + RETRY_AFTER
            return default

    @property
    def available(self):
        return time.monotonic() >= self._down_until

    def get(self, key, default=None, version=None):
        return self._guard(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard({}, super().get_many, keys, version)

    def set(self, key, value, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard(list(data), super().set_many, data, timeout, version)

    def add(self, key, value, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard(False, super().add, key, value, timeout, version)

    def touch(self, key, timeout=..., version=None):
        from django.core.cache.backends.base import DEFAULT_TIMEOUT

        timeout = DEFAULT_TIMEOUT if timeout is ... else timeout
        return self._guard(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guard(None, super().delete_many, keys, version)

    def has_key(self, key, version=None):
        return self._guard(False, super().has_key, key, version)

    def clear(self):
        return self._guard(False, super().clear)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._guard(missing, super().incr, key, delta, version)
        if value is missing:
            raise ValueError("cache unavailable")
        return value

    def count_in_window(self, keys, window, version=None):
        """Add one to each counter in `keys`, each expiring `window` seconds after its first count;
        return their counts in order.

        One round trip for all of them (`SET key 0 EX window NX` + `INCR key` per key, in one
        pipeline) where `add` + `incr` take three per key (Django's `incr` checks EXISTS first).
        None while Redis is down (callers fail open).
        """
        return self._guard(None, self._count_in_window, keys, window, version)

    def _count_in_window(self, keys, window, version):
        keys = [self.make_and_validate_key(key, version=version) for key in keys]
        pipe = self._cache.get_client(keys[0], write=True).pipeline(transaction=False)
        for key in keys:
            pipe.set(key, 0, ex=int(window), nx=True)
            pipe.incr(key)
        return pipe.execute()[1::2]

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)

"""Worker recycling for gunicorn.conf.py: bounded memory without ever leaving the server without
ready workers (docs/performance.md, "Worker recycling").

Gunicorn's own `max_requests` lets every worker reach its limit at about the same time under an
even load (its jitter is a fixed number of requests), and the workers then restart together. Here
a worker asks to recycle when it has served its own limit (the base plus a random share of up to
half of it, so workers drift apart) or when its memory grew by more than a set amount since it
warmed up; it then recycles only if no other worker did within the last `window` seconds, which a
slot in memory shared by all workers (created in the master, inherited at fork) decides.
Otherwise it keeps serving and asks again after its next request.
"""

import multiprocessing
import os
import random
import time

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes():
    """This process's resident memory (Linux: /proc/self/statm, one small read)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


class Slot:
    """ "Somebody recycled at time t": one double and a lock in shared memory."""

    def __init__(self):
        self._last = multiprocessing.RawValue("d", float("-inf"))
        self._lock = multiprocessing.Lock()

    def claim(self, now, window):
        """True (and the slot is taken) when no worker recycled in the last `window` seconds."""
        with self._lock:
            if now - self._last.value < window:
                return False
            self._last.value = now
            return True


class Policy:
    def __init__(self, *, max_requests, max_growth_mb, window, warm_requests=50, slot=None, rng=random):
        self.max_requests = max_requests
        self.max_growth = max_growth_mb * 1024 * 1024
        self.window = window
        self.warm_requests = warm_requests
        self.slot = slot or Slot()
        self.rng = rng

    @property
    def enabled(self):
        return self.max_requests > 0 or self.max_growth > 0

    def new_worker(self):
        """Per-worker state, made right after the fork."""
        limit = 0
        if self.max_requests > 0:
            limit = self.max_requests + self.rng.randint(0, self.max_requests // 2)
        return {
            "served": 0,
            "limit": limit,
            "baseline": None,
            "forked_at": time.monotonic(),
            "forked_cpu": time.process_time(),
            "first_ms": None,
            "first_cpu_ms": None,
        }

    def reason(self, state, rss):
        """Why this worker should recycle now, or None."""
        if state["limit"] and state["served"] >= state["limit"]:
            return f"served {state['served']} requests (limit {state['limit']})"
        if self.max_growth and state["baseline"] is not None and rss - state["baseline"] > self.max_growth:
            grown = (rss - state["baseline"]) / 1024 / 1024
            return f"memory grew {grown:.0f} MB since warm-up (limit {self.max_growth / 1024 / 1024:.0f} MB)"
        return None

    def after_request(self, state, *, rss=None, now=None):
        """Count one request; return the reason to recycle when this worker should and may now."""
        state["served"] += 1
        now = time.monotonic() if now is None else now
        if state["first_ms"] is None:
            # Wall time depends on how busy the machine is; the worker's own CPU time does not.
            state["first_ms"] = (now - state["forked_at"]) * 1000
            state["first_cpu_ms"] = (time.process_time() - state["forked_cpu"]) * 1000
        if self.max_growth and (state["served"] == self.warm_requests or state["served"] % 25 == 0):
            rss = rss_bytes() if rss is None else rss
            if state["served"] == self.warm_requests:
                state["baseline"] = rss
        reason = self.reason(state, rss if rss is not None else 0) if self.enabled else None
        if reason and self.slot.claim(now, self.window):
            return reason
        return None

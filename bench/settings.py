"""Benchmark and fault-suite settings: `make serve`'s production settings plus the yardstick view.

Rate limits are lifted because every simulated resident comes from 127.0.0.1.
"""

import os

from portal.settings.serve import *  # noqa: F403

PORTAL_BENCH_VIEWS = True
WORKORDER_RATE_LIMITS = {"ip_per_hour": 10**9, "phone_per_hour": 10**9, "lookup_per_hour": 10**9}
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING["loggers"]["django.request"] = {"level": "CRITICAL"}  # noqa: F405 - faults make many 503s on purpose
SMS_BACKEND = os.environ.get("BENCH_SMS_BACKEND", "portal.notifications.sms.LoggingSmsBackend")

"""Django's PostgreSQL backend, with a cheaper health check for persistent connections.

With `CONN_MAX_AGE` and `CONN_HEALTH_CHECKS`, Django checks a reused connection at the start of
every request by sending `SELECT 1` and waiting for the answer: one round trip to the database per
request, the most expensive single step of a request submission under load (docs/performance.md).

An idle connection has nothing to read: the server speaks only when asked, except to say it is
going away (a restart, `pg_terminate_backend`, a crash), after which it closes the socket. So the
check here first asks the operating system, without waiting, whether the socket has anything to
read. Nothing to read and a connection psycopg considers open and idle: the connection is used
as it is. Anything else (a goodbye message, a closed socket, a connection in an odd state) falls
back to Django's `SELECT 1`, which closes the connection when it fails.

What this does not catch, `SELECT 1` would only catch slowly: a peer that vanished without a word
(a dropped network path). The request's first statement then fails, the portal answers 503
(`workorders.middleware`), and Django closes the connection at the end of that request.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self):
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and self._idle_and_silent()
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def _idle_and_silent(self):
        pgconn = self.connection.pgconn
        if pgconn.status != pq.ConnStatus.OK or pgconn.transaction_status != pq.TransactionStatus.IDLE:
            return False
        try:
            poller = select.poll()
            poller.register(pgconn.socket, select.POLLIN | select.POLLPRI)
            return not poller.poll(0)
        except Exception:  # noqa: BLE001 - any doubt: the full check decides
            return False

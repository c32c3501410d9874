"""Request numbers: BY-YYYYMMDD-NNNN, the day's counter in one statement."""

from django.db import connection
from django.utils import timezone

from ..models import DailySequence

NUMBER_PREFIX = "BY"


def next_number(when=None):
    """BY-YYYYMMDD-NNNN for the day of `when` in local time: the day's counter, incremented.

    One statement (`INSERT … ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`)
    creates the day's row or increments it and returns the new value, so two callers can never get
    the same number and the first request of a day needs no retry.

    The statement locks the day's row until its transaction ends. Called outside a transaction (as
    `submit` does), it commits at once and the lock lasts only that statement: submissions no longer
    wait for each other's whole transaction. The price is gaps: a number taken by a submission whose
    transaction then fails (a database error, a lost idempotency race) is never used. Called inside a
    transaction, the lock is held until that transaction commits (numbers stay gap-free there).
    """
    day = timezone.localdate(when or timezone.now())
    table = connection.ops.quote_name(DailySequence._meta.db_table)
    day_col = connection.ops.quote_name(DailySequence._meta.get_field("day").column)
    last_col = connection.ops.quote_name(DailySequence._meta.get_field("last").column)
    source = "VALUES (%s, 1)"
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Commit this one statement without waiting for its WAL flush (≈5 ms on this disk, during
        # which the row stays locked). Safe: the submission's own commit, later in the same WAL,
        # waits for the flush, so every number on a stored request has its increment on disk; a
        # crash can only lose increments whose numbers no stored request carries.
        source = "SELECT %s, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({day_col}, {last_col}) {source} "  # noqa: S608 - names from the model
            f"ON CONFLICT ({day_col}) DO UPDATE SET {last_col} = {table}.{last_col} + 1 RETURNING {last_col}",
            [day],
        )
        last = cursor.fetchone()[0]
    return f"{NUMBER_PREFIX}-{day:%Y%m%d}-{last:04d}"

"""Every kind of message the portal sends: its text, its channels, its template variables and how
often it is retried. Apps queue messages by kind name (`outbox.queue_message`); the admin's SMS
templates and residents' preferences are keyed by the same names.

A kind's `params` are the variables of its SMS template, in order: Aliyun templates name them
(`${number}`), Tencent templates number them (`{1}`, `{2}` in this order). Each value is cut to the
vendor's per-variable limit before sending (`limit_params`).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

RESIDENT, STAFF, PARTNER = "resident", "staff", "partner"


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    first_delay: timedelta = timedelta(minutes=1)  # doubled after each failure
    max_age: timedelta | None = None  # not sent at all after this long (a code, an offer)

    def delay(self, attempts):
        return self.first_delay * 2 ** (attempts - 1)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    text: str  # the message, with %(param)s placeholders; the email body and the logged text
    params: tuple = ()
    audience: str = RESIDENT
    channels: tuple = ("sms", "email")  # channels this kind may go by, the first is the default
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    secret: tuple = ()  # params never shown or logged (a login code)
    choosable: bool = True  # residents choose its channel on their account page

    def render(self, params):
        return str(self.text) % {name: params.get(name, "") for name in self.params}


_KINDS = {}


def register(kind):
    _KINDS[kind.name] = kind
    return kind


def get(name):
    return _KINDS.get(name)


def all_kinds():
    return list(_KINDS.values())


def resident_choosable():
    return [k for k in _KINDS.values() if k.audience == RESIDENT and k.choosable]


def sms_choices():
    return [(k.name, k.label) for k in _KINDS.values() if "sms" in k.channels]


def redact(name, body, params):
    kind = get(name)
    for key in kind.secret if kind else ():
        value = str(params.get(key, ""))
        if value:
            body = body.replace(value, "•" * len(value))
    return body


# Vendor limits on one template variable (characters). Aliyun: 35 for notification templates,
# 6 for a verification code; Tencent: depends on the account (see docs/operations.md), 12 here.
PARAM_LIMITS = {"aliyun": 35, "tencent": 12, "default": 35}


def limit_params(params, names, vendor="default", limit=None):
    limit = limit or PARAM_LIMITS.get(vendor, PARAM_LIMITS["default"])
    out = {}
    for name in names:
        value = str(params.get(name, "") or "")
        out[name] = value if len(value) <= limit else value[: limit - 1] + "…"
    return out


# --- the portal's messages ------------------------------------------------------------------------

QUICK = RetryPolicy(max_attempts=3, first_delay=timedelta(seconds=20), max_age=timedelta(minutes=10))

register(
    Kind(
        "submitted",
        _("Request received"),
        _("[红管家] Your request %(number)s has been received. Look it up with code %(token)s."),
        ("number", "token"),
    )
)
register(Kind("accept", _("Request accepted"), _("[红管家] Your request %(number)s has been accepted."), ("number",)))
register(
    Kind(
        "assign",
        _("Request assigned"),
        _("[红管家] Your request %(number)s is assigned to %(steward)s (%(steward_phone)s)."),
        ("number", "steward", "steward_phone"),
    )
)
register(
    Kind(
        "resolve",
        _("Request resolved"),
        _("[红管家] Your request %(number)s is resolved. Please rate our service or tell us if it is not fixed."),
        ("number",),
    )
)
register(
    Kind(
        "reject",
        _("Request not accepted"),
        _("[红管家] Your request %(number)s was not accepted: %(note)s"),
        ("number", "note"),
    )
)
register(
    Kind(
        "merge",
        _("Request merged"),
        _("[红管家] Your request %(number)s is handled together with %(original)s."),
        ("number", "original"),
    )
)
register(
    Kind(
        "reminder",
        _("Rating reminder"),
        _("[红管家] Please rate how we handled your request %(number)s."),
        ("number",),
    )
)
register(Kind("reopen", _("Request reopened"), _("[红管家] Your request %(number)s has been reopened."), ("number",)))
register(
    Kind(
        "event_reminder",
        _("Event reminder (the day before)"),
        _("[红管家] Reminder: %(title)s starts at %(time)s, %(place)s. Your sign-up code is %(code)s."),
        ("title", "time", "place", "code"),
        retry=RetryPolicy(max_age=timedelta(hours=20)),
    )
)
register(
    Kind(
        "waitlist_offer",
        _("Waiting-list place offered"),
        _(
            "[红管家] A place is free for %(title)s on %(time)s. Confirm by %(deadline)s with code %(code)s "
            "on the event page, or it goes to the next person."
        ),
        ("title", "time", "deadline", "code"),
        retry=RetryPolicy(max_age=timedelta(hours=6)),
    )
)
register(
    Kind(
        "booking_confirmed",
        _("Booking confirmed"),
        _("[红管家] Your booking %(number)s for %(service)s is confirmed. The provider will contact you."),
        ("number", "service"),
    )
)
register(
    Kind(
        "booking_received",
        _("Booking received (to the partner)"),
        _("[红管家] New booking %(number)s for %(service)s. Please open the partner page to handle it."),
        ("number", "service"),
        audience=PARTNER,
        channels=("sms",),
    )
)
register(
    Kind(
        "urgent",
        _("Urgent request (to staff)"),
        _("URGENT request %(number)s: %(category)s at %(address)s. %(description)s"),
        ("number", "category", "address", "description"),
        audience=STAFF,
        channels=("email", "sms"),
    )
)
register(
    Kind(
        "sla_report",
        _("Overdue digest (to stewards)"),
        _("[红管家] %(count)s requests of your grid are overdue, the oldest %(oldest)s. Open your worklist."),
        ("count", "oldest"),
        audience=STAFF,
    )
)
register(
    Kind(
        "sla_summary",
        _("Overdue report (to managers)"),
        "%(report)s",
        ("report",),
        audience=STAFF,
        channels=("email",),
    )
)
register(
    Kind(
        "login_code",
        pgettext_lazy("message kind", "Sign-in code"),
        _("[红管家] Your verification code is %(code)s, valid for 10 minutes. Do not tell anyone."),
        ("code",),
        channels=("sms",),
        retry=QUICK,
        secret=("code",),
        choosable=False,
    )
)

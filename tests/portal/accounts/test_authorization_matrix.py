"""The authorization matrix: every role × every URL the project defines → what the role gets.

Roles: anonymous, resident, partner, steward of grid A, steward of grid B, general steward, manager,
branch secretary, official, editor (`matrix_world.ROLES`). Objects: grid A's household, unit, visit and
care-roster entry; grid A's request (with its lookup code and photo) and grid B's; an event sign-up; the
partner's own listing and another one; a pending home link and partner application; one row of each
admin model. Actions (the last item of every row): list, view, reveal, export, transition, visit log,
roster, edit, delete, import.

A cell is the status code, or where the answer is a redirect, where it leads:
LOGIN (to a login page), DENIED (Wagtail's "no permission" bounce to the dashboard) or DONE (anywhere
else: the action was carried out, or the canonical address).

Completeness (`test_every_*_is_in_the_matrix`) fails, naming the missing URL, when somebody adds
- a URL whose view lives in the project's apps (portal.*, cms.*, search, theme), anywhere in the URLconf;
- an admin URL of a view registered by our `wagtail_hooks.py` or of a ViewSet of one of our models;
- an operation (method + path) of the portal's ninja API (`/api/portal/openapi.json`);
- a URL in a third-party set not named in THIRD_PARTY with the reason it is left out.
"""

from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from portal.api.ninja_api import api
from tests.portal.accounts.matrix_world import ROLES, MatrixWorld

LOGIN, DENIED, DONE = "login", "denied", "done"
OURS = {"portal", "cms", "search", "theme"}  # top-level packages of the project's apps


def statuses(default, **overrides):
    unknown = set(overrides) - set(ROLES)
    assert not unknown, unknown
    return {role: overrides.get(role, default) for role in ROLES}


# ---------------------------------------------------------------------------------------------------------
# Named status sets
# ---------------------------------------------------------------------------------------------------------
PUBLIC = statuses(200)
# Everybody is sent on (the elder-mode switch goes back to the page; "find" redirects to the page).
EVERYBODY_ON = statuses(DONE)
# Households and visits: managers all grids, a steward their own; nobody else (anonymous → login).
STAFF = statuses(403, anonymous=LOGIN, steward_a=200, steward_b=200, general=200, manager=200)
# Grid A's object: grid B's steward and the general steward do not find it.
GRID_A_OBJECT = statuses(403, anonymous=LOGIN, steward_a=200, steward_b=404, general=404, manager=200)
GRID_A_UNIT_FORM = statuses(403, anonymous=LOGIN, steward_a=200, steward_b=403, general=403, manager=200)
# The care roster (health data): grid stewards and managers only — not the secretary, not general stewards.
ROSTER = statuses(403, anonymous=LOGIN, steward_a=200, steward_b=200, manager=200)
ROSTER_A_ENTRY = statuses(403, anonymous=LOGIN, steward_a=200, steward_b=404, manager=200)
# The request worklist: the staff above plus the branch secretary, who sees every grid like a manager.
REQUESTS = {**STAFF, "secretary": 200}
REQUEST_A = {**GRID_A_OBJECT, "secretary": 200}
STATISTICS = statuses(403, anonymous=LOGIN, manager=200, official=200)
OWN_DATA = statuses(200, anonymous=LOGIN)
# Sign-up staff (events.*_eventsignup): stewards, managers, secretary, editor.
SIGNUP_STAFF = statuses(
    403, anonymous=LOGIN, steward_a=200, steward_b=200, general=200, manager=200, secretary=200, editor=200
)
# Wagtail admin: roles without admin access are sent to the login page; admin users without the
# model permission are bounced to the dashboard.
NO_ADMIN = {"anonymous": LOGIN, "resident": LOGIN, "partner": LOGIN, "official": LOGIN}


def admin(allowed, ok=200, **more):
    """Admin URL: `allowed` roles get `ok`, other admin users DENIED, non-admin roles LOGIN."""
    cells = statuses(DENIED, **NO_ADMIN)
    cells.update({role: ok for role in allowed})
    cells.update(more)
    return cells


MANAGER_ONLY = ("manager",)
PARTNER_REVIEWERS = ("manager", "secretary")
REQUEST_WORKERS = ("steward_a", "steward_b", "general", "manager", "secretary")
EDITORS = ("editor", "secretary")
NOBODY = ()

# ---------------------------------------------------------------------------------------------------------
# Site views, one table per area: key → (method, path, expected per role, action). A key is the URL name
# ("namespace:name"); "#suffix" marks a second row for the same URL on another object.
# ---------------------------------------------------------------------------------------------------------
GRIDS = {
    "grids:find_steward": ("get", "/find-my-steward/?building={building_a}", PUBLIC, "view"),
    "grids:home": ("get", "/steward/", STAFF, "list"),
    "grids:household_list": ("get", "/steward/households/", STAFF, "list"),
    "grids:household_detail": ("get", "/steward/households/{household_a}/", GRID_A_OBJECT, "view"),
    "grids:household_reveal": ("post", "/steward/households/{household_a}/reveal/", GRID_A_OBJECT, "reveal"),
    "grids:visit_pick": ("get", "/steward/visits/new/", STAFF, "visit log"),
    "grids:unit_visit": ("get", "/steward/units/{unit_a}/visit/", GRID_A_UNIT_FORM, "visit log"),
    "grids:unit_by_qr": ("get", "/steward/u/{unit_a_token}/", GRID_A_UNIT_FORM, "visit log"),
    # Another grid's unit: 403 for its QR code as for its visit page, existing or not (no existence leak).
    "grids:unit_qr": ("get", "/steward/units/{unit_a}/qr.svg", GRID_A_UNIT_FORM, "view"),
    "grids:coverage": ("get", "/steward/coverage/", STAFF, "list"),
    "grids:care_list": ("get", "/steward/care/", ROSTER, "roster"),
    "grids:care_new": ("get", "/steward/care/new/", ROSTER, "roster"),
    "grids:care_detail": ("get", "/steward/care/{care_a}/", ROSTER_A_ENTRY, "roster"),
    # Requests: grid A's steward, managers and the secretary work grid A's request; the general steward
    # sees only what is assigned to them (nothing here); officials and the rest never see the worklist.
    "desk:worklist": ("get", "/steward/requests/", REQUESTS, "list"),
    "desk:worklist_export": ("get", "/steward/requests/export.xlsx", REQUESTS, "export"),
    # Bulk assignment without a selection: refused as bad input (400) for those who may assign; the
    # general steward may not assign (403).
    "desk:bulk_assign": (
        "post",
        "/steward/requests/assign/",
        {**REQUESTS, "steward_a": 400, "steward_b": 400, "general": 403, "manager": 400, "secretary": 400},
        "transition",
    ),
    "desk:request_detail": ("get", "/steward/requests/{order_a}/", REQUEST_A, "view"),
    "desk:request_reveal": ("post", "/steward/requests/{order_a}/reveal/", REQUEST_A, "reveal"),
    # "close" is not allowed from "submitted": 409 for those who may act on it, 404 for those who cannot see it.
    "desk:request_act": (
        "post",
        "/steward/requests/{order_a}/act/?action=close",
        {**REQUEST_A, "steward_a": 409, "manager": 409, "secretary": 409},
        "transition",
    ),
}

# The care of elders living alone (portal.care): the roster's people. Grid A's elder is not found by grid B's
# steward; an empty form is bad input (400) for those who may post it; campaigns (no personal data in
# themselves) are listed to every roster user, each seeing only their own grid's elders; only managers
# create one.
CARE = {
    "care:calls": ("get", "/steward/care/family/", ROSTER, "roster"),
    "care:elder": ("get", "/steward/care/{care_a}/family/", ROSTER_A_ENTRY, "roster"),
    "care:contact_add": (
        "post",
        "/steward/care/{care_a}/family/contact/",
        {**ROSTER_A_ENTRY, "steward_a": 400, "manager": 400},
        "roster",
    ),
    "care:handoff_add": (
        "post",
        "/steward/care/{care_a}/family/handoff/",
        {**ROSTER_A_ENTRY, "steward_a": 400, "manager": 400},
        "roster",
    ),
    "care:campaigns": ("get", "/steward/care/campaigns/", ROSTER, "roster"),
    "care:campaign_add": (
        "post",
        "/steward/care/campaigns/new/",
        {**ROSTER, "steward_a": 403, "steward_b": 403, "manager": 400},
        "edit",
    ),
    "care:campaign": ("get", "/steward/care/campaigns/{campaign}/", ROSTER, "roster"),
    "care:campaign_tick": (
        "post",
        "/steward/care/campaigns/{campaign}/done/{care_a}/",
        {**ROSTER_A_ENTRY, "steward_a": DONE, "manager": DONE},
        "roster",
    ),
}

ACCOUNTS_AND_STATS = {
    "accounts:my_household": ("get", "/my/household/", OWN_DATA, "view"),
    "accounts:my_data": ("get", "/my/data/", OWN_DATA, "view"),
    "accounts:my_data_download": ("get", "/my/data/download/", OWN_DATA, "export"),
    # Without the confirmation box nothing is deleted: 400 for everybody logged in.
    "accounts:my_data_delete": ("post", "/my/data/delete/", statuses(400, anonymous=LOGIN), "delete"),
    "accounts:claim": ("get", "/my/phone/claim/", OWN_DATA, "view"),
    "notifications:preferences": ("get", "/my/messages/", OWN_DATA, "view"),
    "stats:dashboard": ("get", "/data-centre/", STATISTICS, "list"),
    "stats:export": ("get", "/data-centre/export.xlsx", STATISTICS, "export"),
    "stats:cases": ("get", "/data-centre/cases/", STATISTICS, "view"),
    "stats:hotline": ("get", "/data-centre/hotline/", STATISTICS, "list"),
    "stats:hotline_export": ("get", "/data-centre/hotline.xlsx", STATISTICS, "export"),
}

# The resident's side of requests: the number + lookup code is the key, for anybody holding it; a wrong
# code is the same 404 as an unknown number. Open311 is the public GeoReport interface (no personal data).
RESIDENT_REQUESTS = {
    "workorders:lookup": ("get", "/requests/lookup/", PUBLIC, "view"),
    "workorders:mine": ("get", "/requests/mine/", OWN_DATA, "list"),
    "workorders:receipt": ("get", "/requests/{order_a}/{order_a_code}/receipt/", PUBLIC, "view"),
    "workorders:detail": ("get", "/requests/{order_a}/{order_a_code}/", PUBLIC, "view"),
    "workorders:detail#wrong-code": ("get", "/requests/{order_a}/WRONGCODE0000000/", statuses(404), "view"),
    "workorders:photo": ("get", "/requests/{photo_order}/{photo_code}/photos/{photo}/", PUBLIC, "view"),
    "workorders:photo#wrong-code": (
        "get",
        "/requests/{photo_order}/WRONGCODE0000000/photos/{photo}/",
        statuses(404),
        "view",
    ),
    "workorders:photo_thumb": ("get", "/requests/{photo_order}/{photo_code}/photos/{photo}/thumb/", PUBLIC, "view"),
    # Open public-area requests, without personal data, for neighbours to add "me too"; without a mobile
    # number nothing is counted (400 for everybody), an unknown number is a 404.
    "workorders:public": ("get", "/requests/public/", PUBLIC, "list"),
    "workorders:me_too": ("post", "/requests/public/{order_a}/me-too/", statuses(400), "submit"),
    "workorders:me_too#unknown": ("post", "/requests/public/BY-19990101-0001/me-too/", statuses(404), "submit"),
    "workorders:open311_discovery": ("get", "/open311/v2/discovery.json", PUBLIC, "view"),
    "workorders:open311_services": ("get", "/open311/v2/services.json", PUBLIC, "list"),
    "workorders:open311_service": ("get", "/open311/v2/services/water-leak.json", PUBLIC, "view"),
    "workorders:open311_requests": ("get", "/open311/v2/requests.json", PUBLIC, "list"),
    # Creating through Open311 needs a staff api_key: without one, 403 for everybody.
    "workorders:open311_requests#create": ("post", "/open311/v2/requests.json", statuses(403), "submit"),
    "workorders:open311_request": ("get", "/open311/v2/requests/{order_a}.json", PUBLIC, "view"),
    "workorders:open311_token": ("get", "/open311/v2/tokens/{order_a}.xml", PUBLIC, "view"),
    # Any other path under /open311/ answers the spec's error list, 404, to everybody.
    "workorders:open311_unknown": ("get", "/open311/v2/nothing.json", statuses(404), "view"),
}

# Events: a sign-up's token is the resident's key; check-in and signing up on somebody's behalf are staff.
EVENTS = {
    "events:signup": ("get", "/events/signups/{signup_token}/", PUBLIC, "view"),
    "events:signup_qr": ("get", "/events/signups/{signup_token}/qr.svg", PUBLIC, "view"),
    "events:signup_cancel": ("get", "/events/signups/{signup_token}/cancel/", PUBLIC, "view"),
    "events:offer_confirm": ("get", "/events/offer/", PUBLIC, "view"),
    "events:checkin": ("get", "/events/checkin/{signup_code}/", SIGNUP_STAFF, "transition"),
    "events:on_behalf": ("get", "/events/{event}/on-behalf/", SIGNUP_STAFF, "submit"),
}

# Partners: only an approved partner's accounts, and only on their own listings (another's: 404).
PARTNERS = {
    "partners:apply": ("get", "/partners/apply/", statuses(200, anonymous=LOGIN), "submit"),
    # Without an application, the dashboard sends the account to the application form (issue 15 item 5).
    "partners:dashboard": ("get", "/partners/dashboard/", statuses(DONE, anonymous=LOGIN, partner=200), "list"),
    "partners:edit_listing": (
        "get",
        "/partners/listings/{listing}/",
        statuses(404, anonymous=LOGIN, partner=200),
        "edit",
    ),
    "partners:edit_listing#other": (
        "get",
        "/partners/listings/{other_listing}/",
        statuses(404, anonymous=LOGIN),
        "edit",
    ),
}

# Public utilities.
PUBLIC_SITE = {
    "healthz": ("get", "/healthz", PUBLIC, "view"),
    "search:search": ("get", "/search/?q=食堂", PUBLIC, "list"),
    "search:autocomplete": ("get", "/search/autocomplete/?q=食", PUBLIC, "list"),
    # Our subclass of Wagtail's API v2 pages endpoint: published public pages only.
    "wagtailapi:pages:listing": ("get", "/api/v2/pages/", PUBLIC, "list"),
    "wagtailapi:pages:detail": ("get", "/api/v2/pages/{home}/", PUBLIC, "view"),
    "wagtailapi:pages:find": ("get", "/api/v2/pages/find/?html_path=/", EVERYBODY_ON, "view"),
}

# ---------------------------------------------------------------------------------------------------------
# Admin views registered by our wagtail_hooks.py (register_admin_urls) and the ViewSets of our models.
# ---------------------------------------------------------------------------------------------------------
ADMIN_CUSTOM = {
    "admin:grids_import_households": ("get", "/admin/grids/import-households/", admin(MANAGER_ONLY), "import"),
    "admin:accounts_bindings": ("get", "/admin/accounts/bindings/", admin(MANAGER_ONLY), "list"),
    # Approving a pending home link: the manager's decision is carried out; the others are refused.
    "admin:accounts_binding_decide": (
        "post",
        "/admin/accounts/bindings/{home_link}/?decision=reject",
        admin(MANAGER_ONLY, DONE),
        "transition",
    ),
    "admin:accounts_audit_log": ("get", "/admin/accounts/audit-log/", admin(MANAGER_ONLY), "list"),
    "admin:workorders_admin_enter": ("get", "/admin/workorders/enter/", admin(REQUEST_WORKERS), "submit"),
    # An empty transition form is refused back to the request for those who see it; grid B's steward and
    # the general steward do not find grid A's request.
    "admin:workorders_admin_transition": (
        "post",
        "/admin/workorders/{order_a_pk}/transition/",
        admin(("steward_a", "manager", "secretary"), DONE, steward_b=404, general=404),
        "transition",
    ),
    # Grid A's request came from the website, not the hotline: refused back to the request (with a
    # message) for those who work it; not found for those who cannot see it.
    "admin:workorders_admin_hotline_reply": (
        "post",
        "/admin/workorders/{order_a_pk}/hotline-reply/",
        admin(("steward_a", "manager", "secretary"), DONE, steward_b=404, general=404),
        "transition",
    ),
}


def viewset(key, url, pk, *, read, write=None, delete=None, names, overrides=None):
    """Rows for one admin ViewSet: `names` are its URL names (those with a pk take `pk`)."""
    write = read if write is None else write
    delete = write if delete is None else delete
    rows = {}
    for name in names:
        path, method, action, allowed = {
            "list": ("", "get", "list", read),
            "index": ("", "get", "list", read),
            "list_results": ("results/", "get", "list", read),
            "index_results": ("results/", "get", "list", read),
            "add": ("add/", "get", "edit", write),
            "new": ("new/", "get", "edit", write),
            "edit": ("edit/{pk}/", "get", "edit", write),
            "delete": ("delete/{pk}/", "get", "delete", delete),
            "inspect": ("inspect/{pk}/", "get", "view", read),
            "usage": ("usage/{pk}/", "get", "view", read),
            "history": ("history/{pk}/", "get", "view", read),
            "history_results": ("history-results/{pk}/", "get", "view", read),
            "copy": ("copy/{pk}/", "get", "edit", write),
        }[name]
        wagtail_name = "add" if name == "new" else name
        cells = admin(allowed)
        cells.update((overrides or {}).get(name, {}))
        rows[f"admin:{key}:{wagtail_name}"] = ("get", url + path.replace("{pk}", pk), cells, action)
    return rows


SNIPPET = ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results", "copy")
CHOOSER = ("choose", "choose_results", "chosen", "chosen_multiple", "create")
MODEL = ("index", "index_results", "new", "edit", "delete", "usage", "history", "history_results")


ADMIN_USERS = ("steward_a", "steward_b", "general", "manager", "secretary", "editor")


def chooser(key, url, pk, *, read, create):
    """A snippet chooser: Wagtail opens it to every admin user; those of households and visits are
    guarded (portal.grids.wagtail_hooks.ViewPermissionChooserViewSet). Creating from it needs "add"."""
    cells = admin(read)
    return {
        f"admin:{key}:choose": ("get", url, cells, "list"),
        f"admin:{key}:choose_results": ("get", url + "results/", cells, "list"),
        f"admin:{key}:chosen": ("get", url + f"chosen/{pk}/", cells, "view"),
        f"admin:{key}:chosen_multiple": ("get", url + f"chosen-multiple/?id={pk}", cells, "view"),
        f"admin:{key}:create": ("get", url + "create/", admin(create), "edit"),
    }


# Grid data in the admin is the manager's; choosers of addresses and stewards stay open to admin users
# (editors pick a steward for the "steward card" block), those of households and visits do not.
GUARDED_CHOOSERS = {"household", "visitplan", "visit"}


def grid_snippet(model, pk):
    key, url = f"grids_{model}", f"grids/{model}/"
    return {
        **viewset(f"wagtailsnippets_{key}", f"/admin/snippets/{url}", pk, read=MANAGER_ONLY, names=SNIPPET),
        **chooser(
            f"wagtailsnippetchoosers_{key}",
            f"/admin/snippets/choose/{url}",
            pk,
            read=MANAGER_ONLY if model in GUARDED_CHOOSERS else ADMIN_USERS,
            create=MANAGER_ONLY,
        ),
    }


ADMIN_VIEWSETS = {
    **grid_snippet("community", "{community}"),
    **grid_snippet("grid", "{grid_a}"),
    **grid_snippet("building", "{building_a}"),
    **grid_snippet("unit", "{unit_a}"),
    **grid_snippet("household", "{household_a}"),
    **grid_snippet("visitplan", "{plan}"),
    **grid_snippet("visit", "{visit}"),
    **grid_snippet("steward", "{steward_a}"),
    **viewset(
        "wagtailsnippets_news_newscategory",
        "/admin/snippets/news/newscategory/",
        "{news_category}",
        read=EDITORS,
        delete=NOBODY,
        names=SNIPPET,
    ),
    **chooser(
        "wagtailsnippetchoosers_news_newscategory",
        "/admin/snippets/choose/news/newscategory/",
        "{news_category}",
        read=ADMIN_USERS,
        create=EDITORS,
    ),
    **viewset(
        "wagtailsnippets_portal_search_synonym",
        "/admin/snippets/portal_search/synonym/",
        "{synonym}",
        read=NOBODY,
        names=SNIPPET,
    ),
    **chooser(
        "wagtailsnippetchoosers_portal_search_synonym",
        "/admin/snippets/choose/portal_search/synonym/",
        "{synonym}",
        read=ADMIN_USERS,
        create=NOBODY,
    ),
    **viewset(
        "partner_admin",
        "/admin/partner_admin/",
        "{pending_partner}",
        read=PARTNER_REVIEWERS,
        write=PARTNER_REVIEWERS,
        delete=NOBODY,
        names=(*MODEL, "inspect", "copy"),
        overrides={"new": {"manager": DENIED, "secretary": DENIED}, "copy": {"manager": DENIED, "secretary": DENIED}},
    ),
    # Approve / reject are POST-only: a GET is refused to everybody.
    "admin:partner_admin:approve": (
        "get",
        "/admin/partner_admin/{pending_partner}/approve/",
        admin(NOBODY),
        "transition",
    ),
    "admin:partner_admin:reject": (
        "post",
        "/admin/partner_admin/{pending_partner}/reject/",
        admin(PARTNER_REVIEWERS, DONE),
        "transition",
    ),
    # Requests in the admin: the list is scoped (see VISIBLE below); grid A's request is not found by
    # grid B's steward or the general steward.
    **viewset(
        "workorders_workorder",
        "/admin/workorders/workorder/",
        "{order_a_pk}",
        read=REQUEST_WORKERS,
        names=("index", "index_results", "inspect"),
        # Wagtail loads the object before checking the permission: the editor, who may not view requests,
        # does not find it either (404, nothing shown).
        overrides={"inspect": {"steward_b": 404, "general": 404, "editor": 404}},
    ),
    **viewset(
        "workorders_category",
        "/admin/workorders/category/",
        "{category}",
        read=MANAGER_ONLY,
        delete=NOBODY,
        names=MODEL,
    ),
    # The outbox (personal data: numbers, texts) and the SMS templates: managers (and superusers) only,
    # not stewards, the secretary or editors. The outbox is read only.
    **viewset(
        "notifications_notification",
        "/admin/notifications/notification/",
        "{notification}",
        read=MANAGER_ONLY,
        names=("index", "index_results", "inspect"),
    ),
    **viewset(
        "notifications_smstemplate",
        "/admin/notifications/smstemplate/",
        "{sms_template}",
        read=MANAGER_ONLY,
        names=MODEL,
    ),
    **viewset(
        "workorders_apitoken",
        "/admin/workorders/apitoken/",
        "{api_token}",
        read=MANAGER_ONLY,
        delete=NOBODY,
        names=tuple(n for n in MODEL if n != "new"),
    ),
    **viewset(
        "event_signups",
        "/admin/event_signups/",
        "{signup}",
        read=ADMIN_USERS,
        delete=NOBODY,
        names=(*MODEL, "inspect", "copy"),
    ),
}

# Issue 16: a steward's pickers hold only their grids' buildings, units and stewards; picking another
# grid's is a 404 (not listed). Editors still pick any steward for the public steward card.
for _model in ("building", "unit", "steward"):
    _key = f"admin:wagtailsnippetchoosers_grids_{_model}:chosen"
    _method, _url, _cells, _what = ADMIN_VIEWSETS[_key]
    _cells = {**_cells, "steward_b": 404, "general": 404}
    if _model != "steward":
        _cells["editor"] = 404
    ADMIN_VIEWSETS[_key] = (_method, _url, _cells, _what)

# ---------------------------------------------------------------------------------------------------------
# The portal's ninja API: "METHOD /path" (as in the OpenAPI document) → (concrete path, body, expected).
# Every role calls with its session and its own staff API key (Authorization: Bearer ...).
# ---------------------------------------------------------------------------------------------------------
API_STAFF = statuses(200, anonymous=401)


class FORM(dict):
    """A multipart body (the API's Form operations), not JSON."""


API = {
    "GET /api/portal/ping": ("/api/portal/ping", None, PUBLIC),
    "GET /api/portal/workorders/categories": ("/api/portal/workorders/categories", None, PUBLIC),
    # A submission (multipart, like the app's) with an unknown category is refused as bad input.
    "POST /api/portal/workorders/requests": (
        "/api/portal/workorders/requests",
        FORM({"category": "nope", "name": "王五", "phone": "13700001111", "description": "漏水"}),
        statuses(400),
    ),
    "GET /api/portal/workorders/requests/{number}": (
        "/api/portal/workorders/requests/{order_a}?code={order_a_code}",
        None,
        PUBLIC,
    ),
    "GET /api/portal/workorders/requests/{number}#wrong-code": (
        "/api/portal/workorders/requests/{order_a}?code=WRONGCODE0000000",
        None,
        statuses(404),
    ),
    # Rating and reopening need the lookup code: with a wrong one the request is not found, for anybody.
    "POST /api/portal/workorders/requests/{number}/rate": (
        "/api/portal/workorders/requests/{order_a}/rate",
        {"lookup_code": "WRONGCODE0000000", "speed": 5, "quality": 5, "attitude": 5},
        statuses(404),
    ),
    "POST /api/portal/workorders/requests/{number}/reopen": (
        "/api/portal/workorders/requests/{order_a}/reopen",
        {"lookup_code": "WRONGCODE0000000", "note": "没修好"},
        statuses(404),
    ),
    # "Me too" is for public-area requests only; grid A's is inside a home: 409 for everybody.
    "POST /api/portal/workorders/requests/{number}/me-too": (
        "/api/portal/workorders/requests/{order_a}/me-too",
        {"phone": "13700009999"},
        statuses(409),
    ),
    # Staff: any valid key lists (scoped: see VISIBLE); the transition finds grid A's request only for those
    # whose scope has it ("close" from "submitted" → 409), everybody else 404.
    "GET /api/portal/workorders/staff/requests": ("/api/portal/workorders/staff/requests", None, API_STAFF),
    "POST /api/portal/workorders/staff/requests/{number}/transition": (
        "/api/portal/workorders/staff/requests/{order_a}/transition",
        {"action": "close"},
        statuses(404, anonymous=401, steward_a=409, manager=409, secretary=409),
    ),
    "GET /api/portal/stats/summary": (
        "/api/portal/stats/summary",
        None,
        statuses(403, anonymous=401, manager=200, official=200),
    ),
    "GET /api/portal/stats/hotline": (
        "/api/portal/stats/hotline",
        None,
        statuses(403, anonymous=401, manager=200, official=200),
    ),
    "GET /api/portal/events/{page_id}/": ("/api/portal/events/{event}/", None, PUBLIC),
    "POST /api/portal/events/{page_id}/signups/": ("/api/portal/events/{event}/signups/", {}, statuses(400)),
    # Cancelling with an unknown token finds nothing for everybody (the token is the resident's key).
    "POST /api/portal/events/signups/{token}/cancel/": (
        "/api/portal/events/signups/00000000-0000-4000-8000-000000000000/cancel/",
        {},
        statuses(404),
    ),
    "GET /api/portal/search/": ("/api/portal/search/?q=食堂", None, PUBLIC),
    "GET /api/portal/search/autocomplete": ("/api/portal/search/autocomplete?q=食", None, PUBLIC),
}

# Which requests each role finds on the list surfaces ("A": grid A's, "B": grid B's).
BOTH, ONLY_A, NONE = {"A", "B"}, {"A"}, set()
REQUEST_SCOPE = {
    "anonymous": NONE,
    "resident": NONE,
    "partner": NONE,
    "steward_a": ONLY_A,
    "steward_b": {"B"},
    "general": NONE,
    "manager": BOTH,
    "secretary": BOTH,
    "official": NONE,
    "editor": NONE,
}
VISIBLE = {
    "/steward/requests/": REQUEST_SCOPE,
    "/admin/workorders/workorder/": REQUEST_SCOPE,
    "/api/portal/workorders/staff/requests": REQUEST_SCOPE,
}

SITE = {**GRIDS, **CARE, **ACCOUNTS_AND_STATS, **RESIDENT_REQUESTS, **EVENTS, **PARTNERS, **PUBLIC_SITE}
ADMIN = {**ADMIN_CUSTOM, **ADMIN_VIEWSETS}
MATRIX = {**SITE, **ADMIN}

# Third-party URL sets, left out of the matrix with the reason. Our own admin views inside /admin/ are
# not left out: they are found by their view's module or model and must be in ADMIN.
THIRD_PARTY = {
    "admin/": "Wagtail's own admin (pages, images, documents, users, workflows, settings): Wagtail's permissions",
    "django-admin/": "Django's admin: superusers only, not used by any role",
    "documents/": "Wagtail documents: served with Wagtail's collection privacy",
    "api/v2/": "Wagtail API v2 images and documents: Wagtail's views (our pages endpoint is in the matrix)",
    "api/portal/": "the ninja API's own schema, docs and root; its operations are in API, from the OpenAPI document",
    "i18n/": "Django's language switch",
    "jsi18n/": "Django's JavaScript catalog",
    "accounts/": "django-allauth: sign-up, login, password reset",
    "_util/": "Wagtail's login and password forms for private pages",
    "sitemap.xml": "Wagtail's sitemap view (cms.core.sitemap.LocalisedSitemap): live public pages only",
}
# Wagtail's page catch-all: page privacy and the live/public filters are Wagtail's.
WAGTAIL_PAGE_ROUTE = "^((?:[\\w\\-]+/)*)$"
LANGUAGE_PREFIX = "^en/"


def _walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}".strip(":") if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), namespace, entry


def _our_model(callback):
    model = getattr(callback, "view_initkwargs", {}).get("model")
    if model is None or isinstance(model, str):
        return False
    return _is_ours(apps.get_app_config(model._meta.app_label).name)


def _is_ours(dotted):
    return dotted.split(".")[0] in OURS


def _ours(callback):
    return _is_ours(getattr(callback, "__module__", "") or "") or _our_model(callback)


def discovered():
    """(site keys, admin keys, unclaimed routes) of the URLconf."""
    site, admin_keys, unclaimed = set(), set(), []
    for route, namespace, entry in _walk(get_resolver()):
        route = route.removeprefix(LANGUAGE_PREFIX)
        name = entry.name or route
        key = f"{namespace}:{name}" if namespace else name
        if route.startswith("admin/"):
            if _ours(entry.callback):
                admin_keys.add(f"admin:{key}")
        elif _ours(entry.callback):
            site.add(key)
        elif route != WAGTAIL_PAGE_ROUTE and not route.startswith(tuple(THIRD_PARTY)):
            unclaimed.append(route)
    return site, admin_keys, unclaimed


def _base(key):
    return key.split("#", 1)[0]


def test_every_site_url_is_in_the_matrix():
    site, _admin, _unclaimed = discovered()
    missing = sorted(site - {_base(k) for k in SITE})
    assert missing == [], f"add these site URLs to the authorization matrix: {missing}"
    stale = sorted({_base(k) for k in SITE} - site)
    assert stale == [], f"these matrix entries no longer exist: {stale}"


def test_every_admin_view_of_ours_is_in_the_matrix():
    _site, found, _unclaimed = discovered()
    missing = sorted(found - {_base(k) for k in ADMIN})
    assert missing == [], f"add these admin views to the authorization matrix: {missing}"
    stale = sorted({_base(k) for k in ADMIN} - found)
    assert stale == [], f"these matrix entries no longer exist: {stale}"


def test_every_api_operation_is_in_the_matrix():
    schema = api.get_openapi_schema()
    found = {f"{method.upper()} {path}" for path, operations in schema["paths"].items() for method in operations}
    listed = {_base(k) for k in API}
    missing = sorted(found - listed)
    assert missing == [], f"add these API operations to the authorization matrix: {missing}"
    stale = sorted(listed - found)
    assert stale == [], f"these API matrix entries no longer exist: {stale}"


def test_every_third_party_url_set_is_named():
    _site, _admin, unclaimed = discovered()
    assert unclaimed == [], f"name these URL sets in THIRD_PARTY (with the reason) or cover them: {unclaimed}"


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at the end; each test runs in a
    savepoint of its own (pytest-django's `db`), so what one test changes the next does not see."""
    from cms.core.models import BrandSettings
    from cms.home.demo import ensure_home_page

    with django_db_blocker.unblock(), transaction.atomic():
        home, site = ensure_home_page()
        BrandSettings.for_site(site).save()
        yield MatrixWorld(home)
        transaction.set_rollback(True)


@pytest.fixture
def world(matrix_world, db):
    return matrix_world


def _campaign(world):
    """A festival campaign running today (made inside the test's savepoint)."""
    from django.utils import timezone

    from portal.care.models import Campaign

    today = timezone.localdate()
    campaign, _ = Campaign.objects.get_or_create(
        name="中秋 送月饼", defaults={"festival": "mid_autumn", "gift": "月饼", "starts_on": today, "ends_on": today}
    )
    return campaign


def _values(world):
    order_a, order_photo = world.order_a, world.order_photo
    return {
        "building_a": world.unit_a.building.pk,
        "household_a": world.household_a.pk,
        "unit_a": world.unit_a.pk,
        "unit_a_token": world.unit_a.qr_token,
        "care_a": world.care_a.pk,
        "campaign": _campaign(world).pk,
        "order_a": order_a.number,
        "order_a_pk": order_a.pk,
        "order_a_code": order_a.lookup_token,
        "photo_order": order_photo.number,
        "photo_code": order_photo.lookup_token,
        "photo": world.photo.pk,
        "signup_token": world.signup.token,
        "signup_code": world.signup.code,
        "signup": world.signup.pk,
        "event": world.event.pk,
        "listing": world.listing.pk,
        "other_listing": world.other_listing.pk,
        "pending_partner": world.pending_partner.pk,
        "home_link": world.home_link.pk,
        "visit": world.visit.pk,
        "plan": world.plan.pk,
        "community": world.grid_a.community_id,
        "grid_a": world.grid_a.pk,
        "steward_a": world.steward_a.pk,
        "news_category": world.news_category.pk,
        "synonym": world.synonym.pk,
        "category": world.category.pk,
        "api_token": world.api_token.pk,
        "notification": world.notification.pk,
        "sms_template": world.sms_template.pk,
        "home": world.event.get_site().root_page_id,
    }


def outcome(response):
    if response.status_code in (301, 302, 303):
        target = urlsplit(response["Location"]).path
        if "login" in target:
            return LOGIN
        if target == "/admin/":
            return DENIED
        return DONE
    return response.status_code


def _as(client, world, role):
    """Act as `role` (a fresh visitor: rate limits are not what the matrix is about)."""
    cache.clear()
    client.logout()
    if world.users[role] is not None:
        client.force_login(world.users[role])


def _call(client, method, path):
    if method == "post" and "?" in path:
        url, query = path.split("?", 1)
        return client.post(url, dict(pair.split("=") for pair in query.split("&")))
    return getattr(client, method)(path)


@pytest.mark.parametrize("key", sorted(MATRIX))
def test_matrix(client, world, key):
    method, path, expected, _action = MATRIX[key]
    path = path.format(**_values(world))
    got = {}
    for role in ROLES:
        _as(client, world, role)
        got[role] = outcome(_call(client, method, path))
    assert got == expected


@pytest.mark.parametrize("key", sorted(API))
def test_api_matrix(client, world, key):
    path, body, expected = API[key]
    path = path.format(**_values(world))
    method = key.split()[0].lower()
    got = {}
    for role in ROLES:
        _as(client, world, role)
        headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role in world.tokens else {}
        if method == "post" and isinstance(body, FORM):
            response = client.post(path, dict(body), headers=headers)
        elif method == "post":
            response = client.post(path, body, content_type="application/json", headers=headers)
        else:
            response = client.get(path, headers=headers)
        got[role] = outcome(response)
    assert got == expected


@pytest.mark.parametrize("surface", sorted(VISIBLE))
def test_request_lists_show_only_the_roles_scope(client, world, surface):
    """Grid A's and grid B's requests on every list of requests: the scope, not just the status."""
    got = {}
    for role in ROLES:
        _as(client, world, role)
        headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role in world.tokens else {}
        response = client.get(surface, headers=headers)
        text = response.content.decode() if response.status_code == 200 else ""
        got[role] = {grid for grid, order in (("A", world.order_a), ("B", world.order_b)) if order.number in text}
    assert got == VISIBLE[surface]

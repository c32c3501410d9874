"""Template context every page needs: whether the resident chose the elder-friendly mode."""

ELDER_COOKIE = "elder_mode"


def elder_mode_on(request):
    return request.COOKIES.get(ELDER_COOKIE) == "1"


def theme(request):
    return {"elder_mode": elder_mode_on(request)}

import sys

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .database_unavailable import database_unavailable_page, is_database_unavailable
from .forms import ProfileForm
from .services import profile_update


@require_http_methods(["GET", "POST"])
@login_required
def profile(request):
    """The public profile (name shown, neighbourhood), with links to allauth's account pages."""
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            profile_update(
                user=user,
                display_name=form.cleaned_data["display_name"],
                neighbourhood=form.cleaned_data["neighbourhood"],
            )
            messages.success(request, _("Your profile has been saved."))
            return redirect("profile")
    else:
        form = ProfileForm(
            initial={"display_name": user.display_name, "neighbourhood": user.neighbourhood_id}
        )
    return render(request, "core/profile.html", {"form": form, "nav": "profile"})


@require_POST
@login_required
def email_remove_confirm(request):
    """Ask for confirmation before allauth removes an e-mail address (it removes at once).

    Reached by the Remove button of the e-mail page; changes nothing itself. The confirmation
    form posts to allauth's view, which does the removal.
    """
    email = request.POST.get("email", "")
    try:
        validate_email(email)
    except ValidationError:
        # Not an address, so not one of theirs: "not found" without asking the database,
        # which refuses some such values (SQLite a pattern of 100,000 characters,
        # PostgreSQL a NUL byte).
        raise Http404 from None
    address = get_object_or_404(EmailAddress, user=request.user, email__iexact=email)
    return render(request, "core/email_remove_confirm.html", {"address": address, "nav": "profile"})


@require_safe
def switch_language(request, code: str):
    """The language switcher's links: remember the choice in the cookie LanguageCookieMiddleware
    reads, and go back. A link, not a form, so that a page shows no CSRF token and the same
    page can be cached for every visitor; choosing a language changes nothing but the text."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    if request.user.is_authenticated and request.user.language != code:
        type(request.user).objects.filter(pk=request.user.pk).update(language=code)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@require_safe
def alive(request):
    """For load balancers and the load test's bare view: the web process answers, through
    every middleware, without touching the database."""
    return HttpResponse("ok\n", content_type="text/plain")


# Error pages: French by default, never a traceback.
@requires_csrf_token
def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Called while the error is being handled: a database that failed outside a view (in a
    # middleware, or while rendering another error page) gets the 503 page too.
    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        return database_unavailable_page(request, error)
    return render(request, "500.html", status=500)

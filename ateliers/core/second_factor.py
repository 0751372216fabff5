"""The city's team works with a second factor (allauth's MFA: an authenticator app's codes,
and recovery codes for a lost phone).

An account that carries the city's powers (city staff, administrators, Django's staff) and has
no authenticator app set up is sent to set one up before any other page, as long as
ATELIERS_STAFF_SECOND_FACTOR is on (the default in production). Residents may set one up too;
nobody of the team can remove theirs while the rule holds.
"""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.core import checks
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Role

POWERFUL_ROLES = {Role.CITY_STAFF, Role.ADMINISTRATOR}
# Reachable before the second factor is set up: setting it up, leaving, and what any page
# needs (static files, the language, the health check, the footer's pages).
OPEN_PREFIXES = (
    "/compte/2fa/",
    "/compte/logout/",
    "/compte/reauthenticate/",
    "/static/",
    "/langue/",
    "/sante/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/accessibilite/",
)


def carries_powers(user) -> bool:
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.role in POWERFUL_ROLES
    )


def has_authenticator_app(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def must_set_up(user) -> bool:
    return (
        settings.ATELIERS_STAFF_SECOND_FACTOR
        and carries_powers(user)
        and not has_authenticator_app(user)
    )


class SecondFactorRequired:
    """Send a member of the city's team without a second factor to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(OPEN_PREFIXES) and must_set_up(request.user):
            messages.warning(
                request,
                _(
                    "Your account carries the city's powers: set up a second factor (an "
                    "authenticator app) to go on."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """The team's authenticator app stays while the rule holds."""
        if authenticator.type == Authenticator.Type.TOTP and settings.ATELIERS_STAFF_SECOND_FACTOR:
            return not carries_powers(authenticator.user)
        return True


@checks.register(checks.Tags.security, deploy=True)
def check_second_factor_required(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`check --deploy` warns when the city's team may work without a second factor."""
    if settings.ATELIERS_STAFF_SECOND_FACTOR:
        return []
    return [
        checks.Warning(
            "The city's team may work without a second factor.",
            hint="Unset ATELIERS_STAFF_SECOND_FACTOR (it is on in production by default).",
            id="ateliers.W001",
        )
    ]

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_POST

from ateliers.councils import selectors as council_selectors
from ateliers.workshops import selectors as workshop_selectors

from .forms import ProfileForm
from .services import profile_update


def home(request):
    """What is happening now: calls for participants, workshops by phase, councils."""
    now = timezone.now()
    context = {
        "now": now,
        "calling": workshop_selectors.workshops_calling(now=now),
        "phase_counts": workshop_selectors.workshop_counts_by_phase(now=now),
        "upcoming": workshop_selectors.upcoming_workshops(now=now),
        "councils": council_selectors.council_names(),
    }
    return render(request, "core/home.html", context)


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


@login_required
@require_POST
def email_remove_confirm(request):
    """Ask for confirmation before allauth removes an e-mail address (it removes at once).

    Reached by the Remove button of the e-mail page; changes nothing itself. The confirmation
    form posts to allauth's view, which does the removal.
    """
    address = get_object_or_404(
        EmailAddress, user=request.user, email__iexact=request.POST.get("email", "")
    )
    return render(request, "core/email_remove_confirm.html", {"address": address, "nav": "profile"})


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
    return render(request, "500.html", status=500)

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def refuse(request: HttpRequest) -> HttpResponse:
    """Answer a request the rules refuse: anonymous people log in first (and come back
    here), others get the 403 page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied

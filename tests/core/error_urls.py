"""The site's URLs plus views that fail, to see the error pages a visitor would get."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from ateliers.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("secret-detail-that-must-not-leak")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("test-erreur/", broken),
    path("test-interdit/", forbidden),
    *site_urlpatterns,
]

handler400 = "ateliers.core.views.bad_request"
handler403 = "ateliers.core.views.permission_denied"
handler404 = "ateliers.core.views.page_not_found"
handler500 = "ateliers.core.views.server_error"

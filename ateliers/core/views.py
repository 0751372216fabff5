from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


def home(request):
    return render(request, "core/home.html", {})


def profile(request):
    return render(request, "core/profile.html", {})


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

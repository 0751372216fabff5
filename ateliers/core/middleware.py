from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .database_unavailable import database_unavailable_page, is_database_unavailable


class LanguageCookieMiddleware:
    """French by default, whatever the browser asks for; the switcher's choice when made.

    Django's LocaleMiddleware follows Accept-Language, so a visitor with an English browser
    would land on English pages. A French city's platform speaks French first: only the
    language cookie set by the switcher changes that.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class MethodNotAllowedPage:
    """A page that says so, instead of the empty body of Django's 405 answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed) and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response["Allow"]
            return page
        return response


class DatabaseUnavailablePage:
    """The 503 page when a view fails because the database cannot answer.

    Errors raised outside the views reach the 500 handler, which answers the same page
    (core.views.server_error); see core/database_unavailable.py.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable_page(request, exception)
        return None

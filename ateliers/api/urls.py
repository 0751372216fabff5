"""/api/v1/: the JSON API (django-ninja's urls), its documentation page, the same lists as CSV,
and the Atom feeds."""

from django.urls import path
from django.views.decorators.http import require_safe

from . import docs, exports, feeds
from .endpoints import api
from .kept import served

app_name = "api"


def feed(view):
    """A feed is only read (GET and HEAD), within the API's budget, and kept."""
    return require_safe(served(view))


ninja_urls = api.urls[0]
for pattern in ninja_urls:
    pattern.callback = served(pattern.callback)

urlpatterns = [
    # Before the API's own paths: /docs is ours (api.docs_url is None).
    path("docs", docs.docs, name="docs"),
    path("<slug:name>.csv", exports.csv_export, name="csv"),
    path("feeds/workshops.atom", feed(feeds.NewWorkshops()), name="workshops_feed"),
    path("feeds/answers.atom", feed(feeds.CityAnswers()), name="answers_feed"),
    *ninja_urls,
]

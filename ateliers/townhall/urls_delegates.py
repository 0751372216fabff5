"""A workshop's delegates to the town hall and its answer deadline (views/delegates.py)."""

from django.urls import path

from .views import delegates

urlpatterns: list = [
    path("mairie/ateliers/<slug:slug>/delegues/", delegates.delegates_page, name="delegates"),
    path(
        "mairie/ateliers/<slug:slug>/delegues/volontaire/",
        delegates.volunteer,
        name="volunteer",
    ),
    path(
        "mairie/ateliers/<slug:slug>/delegues/retrait/",
        delegates.volunteer_withdraw,
        name="volunteer_withdraw",
    ),
    path(
        "mairie/ateliers/<slug:slug>/delegues/tirage/",
        delegates.delegates_draw,
        name="delegates_draw",
    ),
    path(
        "mairie/ateliers/<slug:slug>/delegues/election/",
        delegates.delegates_elect,
        name="delegates_elect",
    ),
    path("mairie/ateliers/<slug:slug>/delai/", delegates.answer_deadline, name="answer_deadline"),
]

"""A workshop's questionnaire: answering it, opening it, its results (views/questionnaire.py)."""

from django.urls import path

from .views import questionnaire

urlpatterns: list = [
    path(
        "ateliers/<slug:slug>/questionnaire/",
        questionnaire.questionnaire_page,
        name="questionnaire",
    ),
    path(
        "ateliers/<slug:slug>/questionnaire/ouvrir/",
        questionnaire.questionnaire_open,
        name="questionnaire_open",
    ),
    path(
        "ateliers/<slug:slug>/questionnaire/resultats/",
        questionnaire.results,
        name="results",
    ),
]

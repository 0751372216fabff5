"""A workshop's evaluation by its facilitators (views/workshop.py)."""

from django.urls import path

from .views import workshop

urlpatterns: list = [
    path("ateliers/<slug:slug>/", workshop.evaluation_page, name="workshop"),
    path("ateliers/<slug:slug>/rediger/", workshop.evaluation_write, name="write"),
    path("ateliers/<slug:slug>/indicateurs/ajouter/", workshop.indicator_add, name="indicator_add"),
    path(
        "ateliers/<slug:slug>/indicateurs/<int:pk>/retirer/",
        workshop.indicator_remove,
        name="indicator_remove",
    ),
    path("ateliers/<slug:slug>/publier/", workshop.evaluation_publish, name="publish"),
]

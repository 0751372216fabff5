"""The town hall's bodies, their sessions and agendas, under /mairie/ (views/bodies_*.py)."""

from django.urls import path

from .views import bodies_manage as manage
from .views import bodies_public as public

SESSION = "mairie/<slug:slug>/seances/<int:pk>/"
ITEM = SESSION + "points/<int:item>/"

urlpatterns = [
    path("mairie/", public.body_list, name="bodies"),
    path("mairie/instances/nouvelle/", manage.body_create, name="body_create"),
    path("mairie/<slug:slug>/", public.body_detail, name="body"),
    path("mairie/<slug:slug>/modifier/", manage.body_edit, name="body_edit"),
    path("mairie/<slug:slug>/membres/", manage.body_members, name="body_members"),
    path(
        "mairie/<slug:slug>/membres/<int:pk>/retirer/",
        manage.member_remove,
        name="member_remove",
    ),
    path("mairie/<slug:slug>/seances/nouvelle/", manage.session_create, name="session_create"),
    path(SESSION, public.session_detail, name="session"),
    path(SESSION + "modifier/", manage.session_edit, name="session_edit"),
    path(SESSION + "annuler/", manage.session_cancel, name="session_cancel"),
    path(SESSION + "compte-rendu/", manage.session_outcome, name="session_outcome"),
    path(SESSION + "ordre-du-jour/ajouter/", manage.item_add, name="item_add"),
    path(ITEM + "monter/", manage.item_up, name="item_up"),
    path(ITEM + "descendre/", manage.item_down, name="item_down"),
    path(ITEM + "retirer/", manage.item_remove, name="item_remove"),
    path(ITEM + "issue/", manage.item_outcome, name="item_outcome"),
]

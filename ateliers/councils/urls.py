from django.urls import path

from .views import manage, public

app_name = "councils"

urlpatterns = [
    path("", public.council_list, name="list"),
    path("nouveau/", manage.council_create, name="create"),
    path("<slug:slug>/", public.council_detail, name="detail"),
    path("<slug:slug>/anciens-membres/", public.former_members, name="former_members"),
    path("<slug:slug>/modifier/", manage.council_edit, name="edit"),
    path("<slug:slug>/mandats/", manage.mandate_list, name="mandates"),
    path("<slug:slug>/mandats/<int:pk>/", manage.mandate_edit, name="mandate_edit"),
    path("<slug:slug>/mandats/<int:pk>/supprimer/", manage.mandate_delete, name="mandate_delete"),
]

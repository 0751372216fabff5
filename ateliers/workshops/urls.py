from django.urls import path

from .views import manage, public

app_name = "workshops"

urlpatterns = [
    path("", public.workshop_list, name="list"),
    path("mes-ateliers/", public.my_workshops, name="mine"),
    path("gestion/", manage.manage_list, name="manage"),
    path("nouveau/", manage.workshop_create, name="create"),
    path("<slug:slug>/", public.workshop_detail, name="detail"),
    path("<slug:slug>/historique/", public.workshop_history, name="history"),
    path("<slug:slug>/participer/", public.workshop_join, name="join"),
    path("<slug:slug>/quitter/", public.workshop_leave, name="leave"),
    path("<slug:slug>/modifier/", manage.workshop_edit, name="edit"),
    path("<slug:slug>/publier/", manage.workshop_publish, name="publish"),
    path("<slug:slug>/archiver/", manage.workshop_archive, name="archive"),
    path("<slug:slug>/participants/", manage.workshop_participants, name="participants"),
]

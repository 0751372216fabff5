from django.urls import path

from .views import manage, public

app_name = "trainings"

urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("nouvelle/", manage.training_create, name="create"),
    path("mes-formations/", public.my_trainings, name="mine"),
    path("seances/<int:pk>/", public.session_detail, name="session"),
    path("seances/<int:pk>/calendrier.ics", public.session_ics, name="session_ics"),
    path("seances/<int:pk>/inscription/", public.session_register, name="register"),
    path("inscriptions/<int:pk>/annuler/", public.registration_cancel, name="cancel"),
    path("inscriptions/<int:pk>/attestation/", public.certificate, name="certificate"),
    path("seances/<int:pk>/presences/", manage.attendance, name="attendance"),
    path("seances/<int:pk>/modifier/", manage.session_edit, name="session_edit"),
    path("seances/<int:pk>/annuler/", manage.session_cancel, name="session_cancel"),
    path(
        "atelier/<slug:slug>/recommander/",
        manage.recommend_for_workshop,
        name="recommend_for_workshop",
    ),
    path(
        "conseil/<slug:slug>/recommander/",
        manage.recommend_for_council,
        name="recommend_for_council",
    ),
    path("<slug:slug>/", public.training_detail, name="detail"),
    path("<slug:slug>/modifier/", manage.training_edit, name="edit"),
    path("<slug:slug>/seances/nouvelle/", manage.session_create, name="session_create"),
]

"""The follow-up of the recommendations under /suivi/, and the councils' submissions to the
town hall under /mairie/saisines/."""

from django.urls import path

from .views import followup, submissions

urlpatterns = [
    path("suivi/", followup.followup, name="followup"),
    path("suivi/export.csv", followup.followup_csv, name="followup_csv"),
    path("suivi/export.json", followup.followup_json, name="followup_json"),
    path(
        "suivi/preconisations/<int:pk>/",
        followup.followup_recommendation,
        name="followup_recommendation",
    ),
    path(
        "suivi/preconisations/<int:pk>/reponse/",
        followup.answer_recommendation,
        name="answer_recommendation",
    ),
    path(
        "suivi/preconisations/<int:pk>/jalons/nouveau/",
        followup.milestone_add,
        name="milestone_add",
    ),
    path("suivi/jalons/<int:pk>/avancement/", followup.milestone_update, name="milestone_update"),
    path("mairie/saisines/", submissions.submission_list, name="submissions"),
    path("mairie/saisines/nouvelle/", submissions.submission_create, name="submission_create"),
    path("mairie/saisines/<int:pk>/", submissions.submission_detail, name="submission"),
    path(
        "mairie/saisines/<int:pk>/reponse/",
        submissions.answer_submission,
        name="answer_submission",
    ),
    path(
        "mairie/saisines/<int:pk>/jalons/nouveau/",
        submissions.submission_milestone_add,
        name="submission_milestone_add",
    ),
]

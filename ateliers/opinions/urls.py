from django.urls import path

from .views import manage, public

app_name = "opinions"

urlpatterns = [
    path("<int:pk>/", public.conversation, name="conversation"),
    path("<int:pk>/voter/", public.vote, name="vote"),
    path("<int:pk>/proposer/", public.statement_write, name="write"),
    path("<int:pk>/resultats/", public.results, name="results"),
    path("<int:pk>/propositions/", public.statements, name="statements"),
    path("<int:pk>/propositions/<int:position>/", public.statement, name="statement"),
    path("<int:pk>/mes-votes/", public.my_votes, name="my_votes"),
    path("<int:pk>/moderation/", manage.review, name="review"),
    path("<int:pk>/export-polis.zip", manage.export, name="export"),
    path("atelier/<slug:slug>/nouvelle/", manage.open_conversation, name="open"),
    path("atelier/<slug:slug>/importer/", manage.import_conversation, name="import"),
]

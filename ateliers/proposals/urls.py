from django.urls import path

from .views import manage

app_name = "proposals"

# Mounted under /conseils/, beside the councils' own pages.
urlpatterns = [
    path("propositions/", manage.proposal_list, name="list"),
    path("propositions/<int:pk>/", manage.proposal_review, name="review"),
    path("propositions/<int:pk>/accepter/", manage.proposal_accept, name="accept"),
    path("propositions/<int:pk>/refuser/", manage.proposal_decline, name="decline"),
    path("<slug:slug>/proposer-un-atelier/", manage.proposal_create, name="create"),
]

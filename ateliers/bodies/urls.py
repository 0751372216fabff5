from django.urls import path

from .views import manage, public

app_name = "bodies"

urlpatterns = [
    path("", public.body_list, name="list"),
    path("propositions/", manage.proposal_list, name="proposals"),
    path("propositions/<int:pk>/", manage.proposal_review, name="proposal_review"),
    path("propositions/<int:pk>/accepter/", manage.proposal_accept, name="proposal_accept"),
    path("propositions/<int:pk>/refuser/", manage.proposal_decline, name="proposal_decline"),
    path("nouveau/", manage.body_create, name="create"),
    path("<slug:slug>/", public.body_detail, name="detail"),
    path("<slug:slug>/proposer-un-atelier/", manage.proposal_create, name="propose"),
    path("<slug:slug>/modifier/", manage.body_edit, name="edit"),
    path("<slug:slug>/mandats/", manage.mandate_list, name="mandates"),
    path("<slug:slug>/mandats/<int:pk>/", manage.mandate_edit, name="mandate_edit"),
    path("<slug:slug>/mandats/<int:pk>/supprimer/", manage.mandate_delete, name="mandate_delete"),
]

from django.urls import path

from .views import adoption, amendments, dossier, public

app_name = "recommendations"

urlpatterns = [
    path("atelier/<slug:slug>/", public.workshop_recommendations, name="of_workshop"),
    path("atelier/<slug:slug>/rediger/", public.recommendation_draft, name="draft"),
    path("<int:pk>/", public.recommendation_detail, name="detail"),
    path("<int:pk>/modifier/", public.recommendation_edit, name="edit"),
    path("<int:pk>/co-auteurs/", public.coauthor_add, name="coauthor"),
    path("<int:pk>/soutenir/", public.support, name="support"),
    path("<int:pk>/retirer-mon-soutien/", public.support_withdraw, name="withdraw"),
    # The adoption (views/adoption.py).
    path("atelier/<slug:slug>/adoption/", adoption.adoption_page, name="adoption"),
    path("atelier/<slug:slug>/adoption/ouvrir/", adoption.adoption_open, name="adoption_open"),
    path("<int:pk>/adoption/", adoption.record_recommendation, name="adoption_record"),
    path(
        "amendements/<int:pk>/adoption/",
        adoption.record_amendment,
        name="adoption_record_amendment",
    ),
    path("adoption/<int:pk>/voter/", adoption.vote, name="adoption_vote"),
    path("adoption/<int:pk>/divergence/", adoption.dissent, name="adoption_dissent"),
]

# Amendments and versions (views/amendments.py).
urlpatterns += [
    path("<int:pk>/amender/", amendments.amendment_propose, name="amend"),
    path("<int:pk>/amendements/", amendments.amendment_list, name="amendments"),
    path("<int:pk>/versions/", amendments.versions, name="versions"),
    path("amendements/<int:pk>/accepter/", amendments.amendment_accept, name="amendment_accept"),
    path("amendements/<int:pk>/rejeter/", amendments.amendment_reject, name="amendment_reject"),
    path(
        "amendements/<int:pk>/soumettre-a-l-adoption/",
        amendments.amendment_put_to_vote,
        name="amendment_put_to_vote",
    ),
    # The workshop's dossier for the town hall
    path("atelier/<slug:slug>/dossier/", dossier.dossier_page, name="dossier"),
    path("atelier/<slug:slug>/dossier/pdf/", dossier.dossier_make, name="make_dossier"),
    path("atelier/<slug:slug>/dossier.pdf", dossier.dossier_download, name="dossier_pdf"),
]

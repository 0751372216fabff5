from django.urls import path

from .views import amendments, public

app_name = "recommendations"

urlpatterns = [
    path("atelier/<slug:slug>/", public.workshop_recommendations, name="of_workshop"),
    path("atelier/<slug:slug>/rediger/", public.recommendation_draft, name="draft"),
    path("<int:pk>/", public.recommendation_detail, name="detail"),
    path("<int:pk>/modifier/", public.recommendation_edit, name="edit"),
    path("<int:pk>/co-auteurs/", public.coauthor_add, name="coauthor"),
    path("<int:pk>/soutenir/", public.support, name="support"),
    path("<int:pk>/retirer-mon-soutien/", public.support_withdraw, name="withdraw"),
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
]

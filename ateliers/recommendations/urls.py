from django.urls import path

from .views import dossier, public

app_name = "recommendations"

urlpatterns = [
    path("atelier/<slug:slug>/", public.workshop_recommendations, name="of_workshop"),
    path("atelier/<slug:slug>/rediger/", public.recommendation_draft, name="draft"),
    path("<int:pk>/", public.recommendation_detail, name="detail"),
    path("<int:pk>/modifier/", public.recommendation_edit, name="edit"),
    path("<int:pk>/co-auteurs/", public.coauthor_add, name="coauthor"),
    path("<int:pk>/soutenir/", public.support, name="support"),
    path("<int:pk>/retirer-mon-soutien/", public.support_withdraw, name="withdraw"),
    # The workshop's dossier for the town hall
    path("atelier/<slug:slug>/dossier/", dossier.dossier_page, name="dossier"),
    path("atelier/<slug:slug>/dossier/pdf/", dossier.dossier_make, name="make_dossier"),
    path("atelier/<slug:slug>/dossier.pdf", dossier.dossier_download, name="dossier_pdf"),
]

from django.contrib import admin
from django.urls import include, path

from ateliers.core import views as core_views
from ateliers.site import account_views
from ateliers.site import views as site_views
from ateliers.site.legal_views import legal_page
from ateliers.site.neighbourhood_views import neighbourhood_list, neighbourhood_page
from ateliers.workshops.views import public as workshop_views

urlpatterns = [
    path("", site_views.home, name="home"),
    path("ateliers/", include("ateliers.workshops.urls")),
    # A council's workshops: the workshops app's page, at the council's address.
    path(
        "conseils/<slug:slug>/ateliers/",
        workshop_views.council_workshops,
        name="council_workshops",
    ),
    path("conseils/", include("ateliers.proposals.urls")),
    path("conseils/", include("ateliers.councils.urls")),
    path("documents/", include("ateliers.documents.urls")),
    path("formations/", include("ateliers.trainings.urls")),
    path("reunions/", include("ateliers.meetings.urls")),
    path("debat/", include("ateliers.debate.urls")),
    path("preconisations/", include("ateliers.recommendations.urls")),
    path("", include("ateliers.townhall.urls")),
    path("evaluations/", include("ateliers.evaluations.urls")),
    path("carte-des-avis/", include("ateliers.opinions.urls")),
    path("agenda/", include("ateliers.site.urls")),
    path("quartiers/", neighbourhood_list, name="neighbourhoods"),
    path("quartiers/<slug:slug>/", neighbourhood_page, name="neighbourhood"),
    path("activite/", include("ateliers.activity.urls")),
    path("notifications/", include("ateliers.notifications.urls")),
    path("api/v1/", include("ateliers.api.urls")),
    path("recherche/", include("ateliers.search.urls")),
    # The four pages of every footer: one view, the page's name in the address's arguments.
    path("mentions-legales/", legal_page, {"name": "legal_notice"}, name="legal_notice"),
    path("donnees-personnelles/", legal_page, {"name": "privacy"}, name="privacy"),
    path("accessibilite/", legal_page, {"name": "accessibility"}, name="accessibility"),
    path("donnees-ouvertes/", legal_page, {"name": "open_data"}, name="open_data"),
    path("sante/", core_views.alive, name="alive"),
    path("compte/profil/", core_views.profile, name="profile"),
    path(
        "compte/adresses/retirer/",
        core_views.email_remove_confirm,
        name="email_remove_confirm",
    ),
    path("compte/mes-donnees/", account_views.my_data, name="my_data"),
    path("compte/mes-donnees.zip", account_views.my_data_zip, name="my_data_zip"),
    path("compte/supprimer/", account_views.delete_account, name="delete_account"),
    path("compte/", include("allauth.urls")),
    path("langue/<str:code>/", core_views.switch_language, name="switch_language"),
    path("admin/", admin.site.urls),
]

handler400 = "ateliers.core.views.bad_request"
handler403 = "ateliers.core.views.permission_denied"
handler404 = "ateliers.core.views.page_not_found"
handler500 = "ateliers.core.views.server_error"

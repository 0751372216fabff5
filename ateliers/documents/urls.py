from django.urls import path

from .views import manage, public

app_name = "documents"

urlpatterns = [
    path("<int:pk>/", public.document_detail, name="detail"),
    path("<int:pk>/versions/<int:number>/", public.version_download, name="download"),
    path("<int:pk>/nouvelle-version/", manage.add_version, name="add_version"),
    path("<int:pk>/modifier/", manage.edit_details, name="edit"),
    path("atelier/<slug:slug>/", public.workshop_documents, name="of_workshop"),
    path("atelier/<slug:slug>/ajouter/", manage.add_to_workshop, name="add_to_workshop"),
    path("conseil/<slug:slug>/", public.council_documents, name="of_council"),
    path("conseil/<slug:slug>/ajouter/", manage.add_to_council, name="add_to_council"),
]

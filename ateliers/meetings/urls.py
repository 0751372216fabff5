from django.urls import path

from .views import manage, public

app_name = "meetings"

urlpatterns = [
    path("<int:pk>/", public.meeting_detail, name="detail"),
    path("<int:pk>/calendrier.ics", public.meeting_ics, name="ics"),
    path("<int:pk>/inscription/", public.meeting_register, name="register"),
    path("<int:pk>/modifier/", manage.meeting_edit, name="edit"),
    path("<int:pk>/annuler/", manage.meeting_cancel, name="cancel"),
    path("<int:pk>/cloturer/", manage.meeting_close, name="close"),
    path("inscriptions/<int:pk>/annuler/", public.registration_cancel, name="cancel_registration"),
    path("atelier/<slug:slug>/", public.workshop_meetings, name="of_workshop"),
    path("conseil/<slug:slug>/", public.council_meetings, name="of_council"),
    path("atelier/<slug:slug>/nouvelle/", manage.plan_for_workshop, name="plan_for_workshop"),
    path("conseil/<slug:slug>/nouvelle/", manage.plan_for_council, name="plan_for_council"),
]

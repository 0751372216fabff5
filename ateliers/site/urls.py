from django.urls import path

from . import calendar_views

app_name = "site"

urlpatterns = [
    path("", calendar_views.calendar_page, name="calendar"),
    path("ville.ics", calendar_views.city_feed, name="city_feed"),
    path("mon-agenda/", calendar_views.my_calendar, name="my_calendar"),
    path("personnel/<str:key>.ics", calendar_views.personal_feed, name="personal_feed"),
    path("atelier/<slug:slug>.ics", calendar_views.workshop_feed, name="workshop_feed"),
    path("conseil/<slug:slug>.ics", calendar_views.council_feed, name="council_feed"),
]

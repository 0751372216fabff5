"""The city's view over all the workshops, under /evaluations/."""

from django.urls import path

from .views import city

urlpatterns = [
    path("", city.city, name="city"),
    path("export.csv", city.city_csv, name="city_csv"),
]

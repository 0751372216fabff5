"""The evaluations' addresses, under /evaluations/: the city's view, each workshop's
evaluation, its questionnaire and results. Each part keeps its own list."""

from . import urls_city, urls_questionnaire, urls_workshop

app_name = "evaluations"

urlpatterns = urls_city.urlpatterns + urls_questionnaire.urlpatterns + urls_workshop.urlpatterns

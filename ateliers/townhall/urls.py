"""The town hall's addresses: its bodies and sessions under /mairie/, the follow-up of the
recommendations under /suivi/. Each part of the road keeps its own list."""

from . import urls_bodies, urls_delegates, urls_followup

app_name = "townhall"

# The follow-up first: its fixed words under /mairie/ ("saisines") come before a body's slug.
urlpatterns = urls_followup.urlpatterns + urls_delegates.urlpatterns + urls_bodies.urlpatterns

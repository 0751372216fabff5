"""Build (or refresh) the demo city of Villebelle.

Each app builds its part through its own services, in the order of the layers: the demo
exercises the same code as the people who use the site, and the activity log shows what
happened. Running it again updates the same rows: nothing is duplicated, and the dates move
with today's date.
"""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ateliers.core.demo import DEMO_PASSWORD
from ateliers.core.demo_city import DemoCity
from ateliers.search import index as search_index

# Each builds on what the ones before it made. A council's accepted proposal makes a draft
# workshop, which the workshops' part then completes and publishes.
BUILDERS = [
    "ateliers.core.demo",
    "ateliers.councils.demo",
    "ateliers.proposals.demo",
    "ateliers.workshops.demo",
    "ateliers.documents.demo",
    "ateliers.trainings.demo",
    "ateliers.meetings.demo",
    "ateliers.debate.demo",
    "ateliers.recommendations.demo",
    "ateliers.opinions.demo",
    # The dossiers for the town hall, once recommendations and opinion maps are built.
    "ateliers.recommendations.dossier_demo",
    # The town hall: its bodies and sessions, the workshops' delegates and hearings, the
    # city's answers and milestones, the councils' submissions.
    "ateliers.townhall.demo",
    # The finished workshops' evaluations and questionnaires, once the city has answered.
    "ateliers.evaluations.demo",
    # The demo resident's follows, and the lately news on everyone's notifications page.
    "ateliers.notifications.demo",
]


class Command(BaseCommand):
    help = "Load (or refresh) the demo city: neighbourhoods, councils, workshops, accounts."

    def handle(self, *args, **options):
        city = DemoCity(now=timezone.now())
        # The search index is built once at the end rather than row by row.
        with transaction.atomic(), search_index.paused():
            for path in BUILDERS:
                import_module(path).build(city)
            search_index.rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                _("The demo city of %(city)s is loaded.") % {"city": settings.SITE_NAME}
            )
        )
        labels = {
            "neighbourhoods": _("neighbourhoods"),
            "themes": _("themes"),
            "councils": _("councils"),
            "workshops": _("workshops"),
            "people": _("people"),
        }
        counts = city.counts()
        self.stdout.write(
            ", ".join(f"{counts.get(kind, 0)} {label}" for kind, label in labels.items())
        )
        self.stdout.write("")
        self.stdout.write(
            _("Demo accounts (password for all: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        for user in city.logins:
            note = _(" — also Django's admin, /admin/") if user.is_superuser else ""
            self.stdout.write(f"  {user.email:<32} {user.get_role_display()}{note}")

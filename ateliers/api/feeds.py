"""Two Atom feeds for those who follow the city from a feed reader: the workshops as they are
published, and the city's answers to recommendations as they are given. Public records only,
the latest first; no person's name but the elected official who answers in the city's name."""

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ateliers.townhall.models import Answer
from ateliers.workshops.models import Workshop

from .selectors import VISIBLE

ENTRIES = 30


class NewWorkshops(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("New workshops")
    subtitle = gettext_lazy("The workshops of the city, as they are published.")
    link = reverse_lazy("workshops:list")

    def items(self):
        return (
            Workshop.objects.filter(status__in=VISIBLE, published_at__isnull=False)
            .select_related("neighbourhood")
            .order_by("-published_at", "-pk")[:ENTRIES]
        )

    def item_title(self, item: Workshop) -> str:
        return item.title

    def item_description(self, item: Workshop) -> str:
        where = item.neighbourhood.name if item.neighbourhood else _("The whole city")
        return f"{where}. {item.objective}"

    def item_pubdate(self, item: Workshop):
        return item.published_at

    def item_updateddate(self, item: Workshop):
        return item.updated_at


class CityAnswers(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("The city's answers to recommendations")
    subtitle = gettext_lazy("Each answer of the town hall to an adopted recommendation.")
    link = reverse_lazy("townhall:followup")

    def items(self):
        return (
            Answer.objects.filter(
                recommendation__isnull=False, recommendation__workshop__status__in=VISIBLE
            )
            .select_related("recommendation__workshop")
            .order_by("-answered_at", "-pk")[:ENTRIES]
        )

    def item_title(self, item: Answer) -> str:
        return _("%(answer)s: %(recommendation)s") % {
            "answer": item.get_status_display(),
            "recommendation": item.recommendation.title,
        }

    def item_description(self, item: Answer) -> str:
        return item.justification

    def item_link(self, item: Answer) -> str:
        return reverse("townhall:followup_recommendation", args=[item.recommendation_id])

    def item_pubdate(self, item: Answer):
        return item.answered_at

    def item_updateddate(self, item: Answer):
        return item.updated_at

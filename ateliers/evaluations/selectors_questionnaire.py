"""Reads of the questionnaire's pages: where a person stands with it, and its results.

The results are counted by the database in one aggregate query (and one for the
neighbourhoods), whatever the number of answers; the shares and averages are then computed
from those counts. Nothing is published under MINIMUM_ANSWERS answers: with fewer, a
participant could recognise someone's answers.
"""

import datetime
from dataclasses import dataclass
from fractions import Fraction

from django.core.paginator import Page, Paginator
from django.db.models import Count, Field, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ateliers.core.models import User
from ateliers.workshops.models import Participation, Workshop

from .charts import BarChart, bar_chart
from .models import (
    MINIMUM_ANSWERS,
    QUESTIONNAIRE_DAYS,
    RATED,
    Again,
    AgeBand,
    Agreement,
    Invitation,
    Questionnaire,
    Response,
)

FREE_ANSWERS_PER_PAGE = 50


def questionnaire_of(workshop: Workshop) -> Questionnaire | None:
    return Questionnaire.objects.filter(workshop=workshop).first()


def statement_label(name: str) -> str:
    """A rated statement in words ("I was listened to"), as the form asks it."""
    field = Response._meta.get_field(name)
    assert isinstance(field, Field)
    return str(field.verbose_name)


# Where a person stands with the questionnaire, for the page that shows them the form or
# tells them why not.
NOT_OPEN = "not_open"
CLOSED = "closed"
LOG_IN = "log_in"
NOT_INVITED = "not_invited"
ANSWERED = "answered"
OPEN = "open"


def standing(questionnaire: Questionnaire | None, user, now: datetime.datetime) -> str:
    """One of the states above: the questionnaire's moment first, then the person's."""
    if questionnaire is None or now < questionnaire.opens_at:
        return NOT_OPEN
    if now >= questionnaire.closes_at:
        return CLOSED
    if not user.is_authenticated:
        return LOG_IN
    answered = (
        Invitation.objects.filter(questionnaire=questionnaire, user=user)
        .values_list("answered", flat=True)
        .first()
    )
    if answered is None:
        return NOT_INVITED
    return ANSWERED if answered else OPEN


@dataclass(frozen=True)
class Opening:
    """What opening the questionnaire now would do: invite `invited` people until `closes_at`."""

    invited: int
    closes_at: datetime.datetime


def opening_of(workshop: Workshop) -> Opening:
    return Opening(
        invited=Participation.objects.filter(workshop=workshop).count(),
        closes_at=timezone.now() + datetime.timedelta(days=QUESTIONNAIRE_DAYS),
    )


# The results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Results:
    """The questionnaire's published results: `charts` is empty, and `free_answers` None,
    under the threshold."""

    questionnaire: Questionnaire | None
    answered: int
    # Nothing is published while answers still come in: comparing the results before and
    # after a known person answers would tell what they answered.
    still_open: bool = False
    # A chart per rated statement, then the averages, "would take part again", and the
    # optional answers about the participants (age, first participation, neighbourhood).
    ratings: tuple[BarChart, ...] = ()
    averages: BarChart | None = None
    again: BarChart | None = None
    about: tuple[BarChart, ...] = ()
    # "What should change", for the workshop's team only: a page of texts, in no order that
    # says anything (the slots' random ids).
    free_answers: Page | None = None

    @property
    def invited(self) -> int:
        return self.questionnaire.invited if self.questionnaire else 0

    @property
    def published(self) -> bool:
        return not self.still_open and self.answered >= MINIMUM_ANSWERS

    @property
    def minimum(self) -> int:
        return MINIMUM_ANSWERS


def _half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2))


def _share(count: int, total: int) -> int:
    """`count` among `total` as a whole percentage, halves rounded up."""
    return _half_up(Fraction(100 * count, total)) if total else 0


def _shown_share(count: int, total: int) -> str:
    return _("%(percent)s %% (%(count)s)") % {"percent": _share(count, total), "count": count}


def _average(counts: dict[int, int]) -> Fraction | None:
    total = sum(counts.values())
    if not total:
        return None
    return Fraction(sum(value * count for value, count in counts.items()), total)


def _one_decimal(value: Fraction) -> float:
    return _half_up(value * 10) / 10


def _shown_average(value: float) -> str:
    return _("%(average)s / 5") % {"average": formats.number_format(value, 1)}


def _counted(name: str, value) -> Count:
    return Count("pk", filter=Q(**{name: value}))


def _aggregate(questionnaire: Questionnaire) -> dict:
    """Every count the results need, in one query: per statement and rating, per answer to
    "again", per age band, first participation or not, and the answers in all."""
    counts = {"answered": Count("pk")}
    for name in RATED:
        for rating in Agreement.values:
            counts[f"{name}_{rating}"] = _counted(name, rating)
    for again in Again.values:
        counts[f"again_{again}"] = _counted("again", again)
    for band in AgeBand.values:
        counts[f"age_{band}"] = _counted("age_band", band)
    counts["first_yes"] = _counted("first_time", True)
    counts["first_no"] = _counted("first_time", False)
    return Response.objects.filter(questionnaire=questionnaire, filled=True).aggregate(**counts)


def _shares_chart(slug: str, caption: str, rows: list[tuple[str, int]]) -> BarChart:
    """A chart of the share of each answer among those given to one question (empty when
    nobody answered it), its caption saying how many did."""
    total = sum(count for _label, count in rows)
    return bar_chart(
        slug=slug,
        caption=ngettext(
            "%(question)s (%(count)s answer)", "%(question)s (%(count)s answers)", total
        )
        % {"question": caption, "count": total},
        label_head=_("Answer"),
        value_head=_("Share (number of answers)"),
        rows=[(label, _share(count, total), _shown_share(count, total)) for label, count in rows]
        if total
        else [],
        largest=100,
    )


def _neighbourhoods(questionnaire: Questionnaire) -> list[tuple[str, int]]:
    rows = (
        Response.objects.filter(
            questionnaire=questionnaire, filled=True, neighbourhood__isnull=False
        )
        .values_list("neighbourhood__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "neighbourhood__name")
    )
    return [(name, count) for name, count in rows]


def _free_answers(questionnaire: Questionnaire, page: str | int | None) -> Page:
    texts = (
        Response.objects.filter(questionnaire=questionnaire, filled=True)
        .exclude(change="")
        .order_by("pk")
        .values_list("change", flat=True)
    )
    return Paginator(texts, FREE_ANSWERS_PER_PAGE).get_page(page)


def results_of(
    questionnaire: Questionnaire | None,
    *,
    with_free_answers: bool,
    page: str | int | None = None,
    now: datetime.datetime | None = None,
) -> Results:
    """The results as published: the counts only while the questionnaire is open or under the
    threshold, else every chart (and the free answers when `with_free_answers`). Two queries,
    three with the free answers' count and four with a page of them, whatever the number of
    answers."""
    if questionnaire is None:
        return Results(questionnaire=None, answered=0)
    counted = _aggregate(questionnaire)
    answered = counted["answered"]
    if questionnaire.is_open(now or timezone.now()):
        return Results(questionnaire=questionnaire, answered=answered, still_open=True)
    if answered < MINIMUM_ANSWERS:
        return Results(questionnaire=questionnaire, answered=answered)

    ratings, averages = [], []
    for name in RATED:
        by_rating = {rating: counted[f"{name}_{rating}"] for rating in Agreement.values}
        label = statement_label(name)
        ratings.append(
            _shares_chart(
                f"rated-{name}",
                label,
                [(str(Agreement(rating).label), by_rating[rating]) for rating in Agreement.values],
            )
        )
        average = _average(by_rating)
        if average is not None:
            rounded = _one_decimal(average)
            averages.append((label, rounded, _shown_average(rounded)))
    yes_no = [
        (pgettext("first participation", "Yes"), counted["first_yes"]),
        (pgettext("first participation", "No"), counted["first_no"]),
    ]
    about = [
        _shares_chart(
            "age",
            _("Age"),
            [(str(band.label), counted[f"age_{band.value}"]) for band in AgeBand],
        ),
        _shares_chart("first-time", _("First participation in a workshop"), yes_no),
        _shares_chart("neighbourhood", _("Neighbourhood"), _neighbourhoods(questionnaire)),
    ]
    return Results(
        questionnaire=questionnaire,
        answered=answered,
        ratings=tuple(ratings),
        averages=bar_chart(
            slug="averages",
            caption=_("Average of each statement, from 1 (strongly disagree) to 5"),
            label_head=_("Statement"),
            value_head=_("Average"),
            rows=averages,
            largest=5,
        ),
        again=_shares_chart(
            "again",
            _("Would take part in a workshop again"),
            [(str(choice.label), counted[f"again_{choice.value}"]) for choice in Again],
        ),
        about=tuple(about),
        free_answers=_free_answers(questionnaire, page) if with_free_answers else None,
    )


def invited_people(questionnaire: Questionnaire):
    """Who the invitations go to: the invited who have not answered yet (a task run again
    later skips those who have), with an address, in a stable order."""
    return (
        User.objects.filter(
            questionnaire_invitations__questionnaire=questionnaire,
            questionnaire_invitations__answered=False,
            is_active=True,
        )
        .exclude(email="")
        .order_by("pk")
    )

"""A small city whose figures are known by heart, for the city's view (test_city_*.py), and a
large one made in bulk.

Four public workshops that have started (and a draft and an upcoming one that do not count):
  W1 Les Coteaux (priority), ended March 2025, 5 residents + 1 association, evaluation
     published "met", questionnaire closed: 6 invited, 5 answers (a slot left empty);
  W2 Les Coteaux, archived, ended October 2025, 3 residents + 3 associations, evaluation
     published "partly met", questionnaire closed: 6 invited, 5 answers;
  W3 Centre, running, 1 resident + 3 council members, a questionnaire still open with an
     answer (not counted at all);
  W4 the whole city, ended May 2025, 1 resident + 3 associations, evaluation written but not
     published, questionnaire closed: 4 invited, 2 answers (counted as answers; what they
     say is not: fewer than five).
The Gare neighbourhood has no workshop. One person takes part in W1 and W2.
Two adopted recommendations of W1: one accepted, one rejected (neither heard).
"""

import csv
import datetime
import html
import io
import itertools
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from ateliers.core.models import Neighbourhood, User
from ateliers.evaluations.models import MINIMUM_ANSWERS, Evaluation, Questionnaire, Response
from ateliers.townhall.models import Answer
from ateliers.workshops.models import Participation, Workshop
from tests.factories import NeighbourhoodFactory, ParticipationFactory, UserFactory, WorkshopFactory
from tests.townhall.followup_factories import adopted, answered

_batches = itertools.count(1)
NOW = timezone.make_aware(datetime.datetime(2026, 3, 2, 12))
DAY = datetime.timedelta(days=1)

# Each answer: the five ratings, age band, first participation, again, neighbourhood (its slug).
W1_ANSWERS = [
    ([5, 5, 5, 5, 5], "18_29", True, "yes", "coteaux"),
    ([4, 4, 4, 4, 4], "30_44", True, "yes", "coteaux"),
    ([3, 3, 3, 3, None], "30_44", False, "maybe", "centre"),
    ([4, 4, 4, 4, 4], "", None, "", None),
    ([5, 4, 5, 4, 4], "45_59", True, "yes", None),
]
W2_ANSWERS = [
    ([1, 1, 1, 1, 1], "18_29", True, "no", "coteaux"),
    ([2, 2, 2, 2, 2], "30_44", False, "maybe", "coteaux"),
    ([3, 3, 3, 3, 3], "60_74", False, "no", "centre"),
    ([4, 4, 4, 4, 4], "60_74", True, "yes", "coteaux"),
    ([2, 3, 2, 3, None], "18_29", None, "", None),
]
# Too few to say anything: only their number counts.
W4_ANSWERS = [
    ([1, 1, 1, 1, 1], "75_plus", True, "no", "coteaux"),
    ([1, 1, 1, 1, 1], "75_plus", False, "no", "coteaux"),
]


def moment(year: int, month: int, day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@dataclass
class SmallCity:
    coteaux: Neighbourhood
    centre: Neighbourhood
    workshops: list[Workshop]
    people: list[User]


def ended(neighbourhood, end: datetime.datetime, **kwargs) -> Workshop:
    """A workshop of 50 days that ended at `end`."""
    return WorkshopFactory(
        neighbourhood=neighbourhood, starts_at=end - 50 * DAY, ends_at=end, **kwargs
    )


def take_part(workshop: Workshop, capacity: str, number: int, *, user=None) -> list[User]:
    people = []
    for _ in range(number):
        extra = {"association_name": "Les Amis du parc"} if capacity == "association" else {}
        made = ParticipationFactory(
            workshop=workshop, capacity=capacity, **({"user": user} if user else {}), **extra
        )
        people.append(made.user)
        user = None
    return people


def questionnaire(workshop, answers, *, invited: int, closes_at) -> Questionnaire:
    """A questionnaire with its answers, and as many empty slots as invited people left."""
    made = Questionnaire.objects.create(
        workshop=workshop, opens_at=closes_at - 30 * DAY, closes_at=closes_at, invited=invited
    )
    slots = [
        Response(
            questionnaire=made,
            filled=True,
            understood=ratings[0],
            could_speak=ratings[1],
            listened_to=ratings[2],
            fair=ratings[3],
            influence=ratings[4],
            age_band=age_band,
            first_time=first_time,
            again=again,
            neighbourhood=Neighbourhood.objects.filter(slug=slug).first() if slug else None,
        )
        for ratings, age_band, first_time, again, slug in answers
    ]
    slots += [Response(questionnaire=made) for _ in range(invited - len(answers))]
    Response.objects.bulk_create(slots)
    return made


def small_city() -> SmallCity:
    """Call inside time_machine.travel(NOW)."""
    coteaux = NeighbourhoodFactory(name="Les Coteaux", slug="coteaux", is_priority=True)
    centre = NeighbourhoodFactory(name="Centre", slug="centre")
    NeighbourhoodFactory(name="Gare", slug="gare")
    w1 = ended(coteaux, moment(2025, 3, 15), title="Le parc des Coteaux")
    w2 = ended(coteaux, moment(2025, 10, 1), status=Workshop.Status.ARCHIVED)
    w3 = WorkshopFactory(neighbourhood=centre)
    w4 = ended(None, moment(2025, 5, 20), kind=Workshop.Kind.CITY)
    # Not counted: a draft, and a workshop that has not started.
    WorkshopFactory(neighbourhood=centre, status=Workshop.Status.DRAFT)
    WorkshopFactory(neighbourhood=coteaux, upcoming=True)

    people = take_part(w1, "resident", 5) + take_part(w1, "association", 1)
    take_part(w2, "resident", 3, user=people[0])
    take_part(w2, "association", 3)
    take_part(w3, "resident", 1)
    take_part(w3, "council_member", 3)
    take_part(w4, "resident", 1)
    take_part(w4, "association", 3)

    Evaluation.objects.create(
        workshop=w1, outcome="met", explanation="Le plan est adopté.", published_at=NOW - DAY
    )
    Evaluation.objects.create(
        workshop=w2, outcome="partly_met", explanation="À moitié.", published_at=NOW - DAY
    )
    Evaluation.objects.create(workshop=w4, outcome="not_met", explanation="Pas encore publié.")

    questionnaire(w1, W1_ANSWERS, invited=6, closes_at=moment(2025, 5, 1))
    questionnaire(w2, W2_ANSWERS, invited=6, closes_at=moment(2025, 12, 1))
    questionnaire(w4, W4_ANSWERS, invited=4, closes_at=moment(2025, 7, 1))
    # Still open: its answer waits until it closes.
    still_open = [([1, 1, 1, 1, 1], "75_plus", True, "no", None)]
    questionnaire(w3, still_open, invited=4, closes_at=NOW + DAY)

    answered(adopted(w1, title="Des bancs"), status=Answer.Status.ACCEPTED)
    answered(adopted(w1, title="Un kiosque"), status=Answer.Status.REJECTED)
    return SmallCity(coteaux, centre, [w1, w2, w3, w4], people)


def many_workshops(number: int, *, neighbourhoods: list[Neighbourhood]) -> list[Workshop]:
    """`number` finished workshops made in bulk, each with a participant, a published
    evaluation and a closed questionnaire with five answers."""
    now = timezone.now()
    start = now - 100 * DAY
    batch = next(_batches)
    made = Workshop.objects.bulk_create(
        Workshop(
            kind=Workshop.Kind.NEIGHBOURHOOD,
            title=f"Atelier en nombre {index}",
            slug=f"atelier-en-nombre-{batch}-{index}",
            project="Un projet.",
            objective="Un objectif.",
            evaluation_plan="Un plan.",
            neighbourhood=neighbourhoods[index % len(neighbourhoods)],
            status=Workshop.Status.PUBLISHED,
            starts_at=start + (index % 40) * DAY,
            ends_at=start + (index % 40 + 50) * DAY,
            participant_count=1,
        )
        for index in range(number)
    )
    person = UserFactory()
    Participation.objects.bulk_create(
        Participation(workshop=workshop, user=person, capacity="resident") for workshop in made
    )
    Evaluation.objects.bulk_create(
        Evaluation(workshop=workshop, outcome="met", explanation="Oui.", published_at=now)
        for workshop in made
    )
    questionnaires = Questionnaire.objects.bulk_create(
        Questionnaire(workshop=workshop, opens_at=now - 20 * DAY, closes_at=now - DAY, invited=5)
        for workshop in made
    )
    Response.objects.bulk_create(
        Response(questionnaire=made_questionnaire, filled=True, understood=4, age_band="18_29")
        for made_questionnaire in questionnaires
        for _ in range(MINIMUM_ANSWERS)
    )
    return made


# Reading the city's view as a visitor does: a chart's table, row by row, and the CSV.

ROW = re.compile(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', re.S)


def chart_rows(page: str, slug: str) -> dict[str, str]:
    """The table of the chart `slug`: each row's label and value, as shown."""
    start = page.index(f'id="chart-{slug}-caption"')
    figure = page[start : page.index("</figure>", start)]
    return {html.unescape(label): html.unescape(value) for label, value in ROW.findall(figure)}


def text_of(page: str) -> str:
    """The page's words, tags removed and spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def city_page(client) -> str:
    response = client.get(reverse("evaluations:city"))
    assert response.status_code == 200
    return response.content.decode()


def city_csv(client) -> list[dict]:
    response = client.get(reverse("evaluations:city_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def csv_row(rows: list[dict], section: str, label: str) -> dict:
    (row,) = [row for row in rows if row["section"] == section and row["label"] == label]
    return row

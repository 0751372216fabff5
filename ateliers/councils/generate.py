"""The generated city's councils and their mandates (see core/generated_city.py)."""

import datetime

from django.utils.text import slugify

from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Neighbourhood, Role

from .models import Council, Mandate

TERM = datetime.timedelta(days=3 * 365)
DAY = datetime.timedelta(days=1)


def _councils(city: GeneratedCity):
    """(kind, name, neighbourhood id) for every council, up to the scale's number."""
    names = dict(Neighbourhood.objects.values_list("pk", "name"))
    plan = [(Council.Kind.NEIGHBOURHOOD, f"Conseil de quartier {names[pk]}", pk) for pk in names]
    plan += [
        (Council.Kind.CITIZENS, f"Conseil citoyen {names[pk]}", pk)
        for pk in city.ids["priority_neighbourhoods"]
    ]
    plan += [
        (Council.Kind.FOREIGN_RESIDENTS, "Conseil des résidents étrangers", None),
        (Council.Kind.YOUTH, "Conseil des jeunes", None),
        (Council.Kind.DEVELOPMENT, "Conseil de développement", None),
    ]
    # Larger cities also have youth councils by neighbourhood, and councils by sector.
    for pk in names:
        plan.append((Council.Kind.YOUTH, f"Conseil des jeunes {names[pk]}", pk))
    for pk in names:
        plan.append((Council.Kind.NEIGHBOURHOOD, f"Conseil de secteur {names[pk]}", pk))
    return plan[: city.scale.councils]


def generate(city: GeneratedCity) -> None:
    rng = city.rng("councils")
    plan = _councils(city)
    ids = city.bulk(
        Council,
        (
            Council(
                kind=kind,
                name=name,
                slug=slugify(name)[:170],
                description=f"{name} : les habitants qui suivent la vie du territoire.",
                neighbourhood_id=neighbourhood,
            )
            for kind, name, neighbourhood in plan
        ),
        label="councils",
    )
    city.ids["councils"] = ids
    by_place: dict[int, list[int]] = {}
    for pk, (_kind, _name, neighbourhood) in zip(ids, plan, strict=True):
        if neighbourhood is not None:
            by_place.setdefault(neighbourhood, []).append(pk)
    city.facts["councils_by_neighbourhood"] = by_place
    Theme = Council.themes.through
    themes = city.ids["themes"]
    city.bulk_plain(
        Theme,
        (
            Theme(council_id=pk, theme_id=theme)
            for pk in ids
            for theme in rng.sample(themes, k=min(len(themes), rng.randint(1, 2)))
        ),
        label="themes followed by councils",
    )
    _mandates(city, ids)


def _mandates(city: GeneratedCity, councils: list[int]) -> None:
    """Terms of three years back from today, each with a president, often a vice-president
    and a secretary, and members: one president at a time, nobody twice in a term."""
    rng = city.rng("mandates")
    residents = city.facts["accounts_by_role"][Role.RESIDENT]
    per_council = max(4, city.scale.mandates // max(1, len(councils)))
    current_start = city.today - datetime.timedelta(days=rng.randint(30, 700))

    def mandates():
        made = 0
        for council in councils:
            left = per_council
            term_start = current_start
            while left > 0:
                ends_on = None if term_start == current_start else term_start + TERM - DAY
                size = min(left, rng.randint(4, 12))
                people = rng.sample(residents, k=size)
                roles = [
                    Mandate.Role.PRESIDENT,
                    Mandate.Role.VICE_PRESIDENT,
                    Mandate.Role.SECRETARY,
                ]
                for index, person in enumerate(people):
                    role = roles[index] if index < len(roles) else Mandate.Role.MEMBER
                    yield Mandate(
                        council_id=council,
                        user_id=person,
                        role=role,
                        starts_on=term_start,
                        ends_on=ends_on,
                    )
                    made += 1
                    if made >= city.scale.mandates:
                        return
                left -= size
                term_start -= TERM

    city.ids["mandates"] = city.bulk(Mandate, mandates(), label="mandates")
    # Who sits in which council now, for the workshops' "council member" participants.
    members: dict[int, int] = {}
    current = Mandate.objects.filter(ends_on__isnull=True).values_list("user_id", "council_id")
    for user, council in current:
        members.setdefault(user, council)
    city.facts["council_of_member"] = members

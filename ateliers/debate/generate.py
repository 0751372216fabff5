"""The generated city's debate (see core/generated_city.py): topics in every workshop whose
debate phase has begun, contributions of every kind by its participants during that phase,
one level of replies, and moderation as it happens: a few contributions hidden with their
entry in the log, a few hidden by reports awaiting a decision. One topic of the largest
workshop holds `largest_topic` contributions. The topics' counters are those the services
would keep."""

import datetime
from collections import defaultdict

from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Role
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind

from .models import (
    COUNTER_OF_KIND,
    Contribution,
    Decision,
    Kind,
    Moderation,
    ModerationEntry,
    Report,
    Topic,
)

KINDS = [Kind.FOR, Kind.AGAINST, Kind.QUESTION, Kind.REMARK]
KIND_WEIGHTS = [4, 4, 2, 1]
SHARE_OF_REPLIES = 0.35
SHARE_HIDDEN = 0.01
SHARE_AWAITING = 0.005
TITLES = [
    "Stationnement",
    "Arbres et ombre",
    "Sécurité",
    "Budget",
    "Calendrier des travaux",
    "Accessibilité",
    "Propreté",
    "Usages du soir",
]
TEXTS = [
    "Je suis pour, à condition que les riverains soient consultés.",
    "Cela coûtera trop cher pour un usage limité.",
    "Quel est le calendrier prévu par la ville ?",
    "Il faut penser aux personnes âgées et aux poussettes.",
    "D'autres villes l'ont fait avec succès, **regardez** les retours.",
]
HOUR = datetime.timedelta(hours=1)


def generate(city: GeneratedCity) -> None:
    rng = city.rng("debate")
    scale = city.scale
    debates = dict(
        Phase.objects.filter(
            kind=PhaseKind.DEBATE,
            starts_at__lt=city.now,
            workshop__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED],
        ).values_list("workshop_id", "starts_at")
    )
    ends = dict(
        Phase.objects.filter(kind=PhaseKind.DEBATE, workshop_id__in=debates).values_list(
            "workshop_id", "ends_at"
        )
    )
    if not debates:
        return
    people = defaultdict(list)
    for workshop_id, user_id in Participation.objects.filter(workshop_id__in=debates).values_list(
        "workshop_id", "user_id"
    ):
        people[workshop_id].append(user_id)
    workshops = sorted(workshop for workshop in debates if people[workshop])
    largest = max(workshops, key=lambda workshop: len(people[workshop]))

    def window(workshop):
        start, end = debates[workshop], min(ends[workshop], city.now)
        return start, max(end, start + HOUR)

    topics = [Topic(workshop_id=largest, title="Le grand débat", description="Tout le monde.")]
    for number in range(scale.debate_topics - 1):
        workshop = (
            workshops[number % len(workshops)] if number < len(workshops) else rng.choice(workshops)
        )
        topics.append(Topic(workshop_id=workshop, title=f"{rng.choice(TITLES)} ({number + 1})"))
    for topic in topics:
        start, _end = window(topic.workshop_id)
        topic.created_at = start
    topic_ids = city.bulk(Topic, topics, label="debate topics")
    workshop_of = {pk: topic.workshop_id for pk, topic in zip(topic_ids, topics, strict=True)}

    # Contributions: the largest topic's share first, the rest spread over every topic.
    firsts_wanted = int(scale.debate_contributions * (1 - SHARE_OF_REPLIES))
    firsts = []
    for number in range(firsts_wanted):
        topic = topic_ids[0] if number < scale.largest_topic else rng.choice(topic_ids)
        workshop = workshop_of[topic]
        start, end = window(workshop)
        firsts.append(
            Contribution(
                topic_id=topic,
                kind=rng.choices(KINDS, KIND_WEIGHTS)[0],
                author_id=rng.choice(people[workshop]),
                text=rng.choice(TEXTS),
                created_at=city.moment(rng, start, end),
                moderation=_moderation(rng),
            )
        )
    for item in firsts:
        if item.moderation == Moderation.HIDDEN:
            item.moderation_reason = "Propos contraires à la charte."
        elif item.moderation == Moderation.AWAITING:
            item.report_count = 3
    first_ids = city.bulk(Contribution, firsts, label="debate contributions")

    replies = []
    for _ in range(scale.debate_contributions - firsts_wanted):
        index = rng.randrange(len(firsts))
        parent = firsts[index]
        _start, end = window(workshop_of[parent.topic_id])
        replies.append(
            Contribution(
                topic_id=parent.topic_id,
                parent_id=first_ids[index],
                author_id=rng.choice(people[workshop_of[parent.topic_id]]),
                text="Je réponds : " + rng.choice(TEXTS),
                created_at=city.moment(rng, parent.created_at, max(end, parent.created_at)),
            )
        )
    city.bulk(Contribution, replies, label="debate replies")
    _count(topic_ids, firsts, first_ids, replies)
    _moderate(city, rng, firsts, first_ids, workshop_of)


def _moderation(rng) -> str:
    draw = rng.random()
    if draw < SHARE_HIDDEN:
        return Moderation.HIDDEN
    if draw < SHARE_HIDDEN + SHARE_AWAITING:
        return Moderation.AWAITING
    return Moderation.NONE


def _count(topic_ids, firsts, first_ids, replies) -> None:
    """The counters the services keep: visible contributions by kind, replies."""
    counts = {pk: defaultdict(int) for pk in topic_ids}
    reply_counts = defaultdict(int)
    for item in firsts:
        if item.moderation in (Moderation.NONE, Moderation.RESTORED):
            counts[item.topic_id][COUNTER_OF_KIND[Kind(item.kind)]] += 1
    for reply in replies:
        counts[reply.topic_id]["reply_count"] += 1
        reply_counts[reply.parent_id] += 1
    Topic.objects.bulk_update(
        [
            Topic(
                pk=pk,
                for_count=fields["for_count"],
                against_count=fields["against_count"],
                question_count=fields["question_count"],
                remark_count=fields["remark_count"],
                reply_count=fields["reply_count"],
            )
            for pk, fields in counts.items()
        ],
        ["for_count", "against_count", "question_count", "remark_count", "reply_count"],
        batch_size=2_000,
    )
    Contribution.objects.bulk_update(
        [Contribution(pk=pk, reply_count=count) for pk, count in reply_counts.items()],
        ["reply_count"],
        batch_size=2_000,
    )


def _moderate(city, rng, firsts, first_ids, workshop_of) -> None:
    staff = city.facts["accounts_by_role"][Role.CITY_STAFF]
    residents = city.facts["accounts_by_role"][Role.RESIDENT]
    entries, reports = [], []
    for pk, item in zip(first_ids, firsts, strict=True):
        if item.moderation == Moderation.HIDDEN:
            entries.append(
                ModerationEntry(
                    workshop_id=workshop_of[item.topic_id],
                    contribution_id=pk,
                    decision=Decision.HIDDEN,
                    reason=item.moderation_reason,
                    decided_by_id=rng.choice(staff),
                    decided_at=item.created_at + HOUR,
                )
            )
        elif item.moderation == Moderation.AWAITING:
            entries.append(
                ModerationEntry(
                    workshop_id=workshop_of[item.topic_id],
                    contribution_id=pk,
                    decision=Decision.AUTO_HIDDEN,
                    decided_at=item.created_at + HOUR,
                )
            )
            for reporter in rng.sample(residents, 3):
                reports.append(Report(contribution_id=pk, reporter_id=reporter, reason="insult"))
    city.bulk_plain(ModerationEntry, entries, label="moderation decisions")
    city.bulk_plain(Report, reports, label="reports")

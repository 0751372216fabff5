"""How many database queries each page of the load test costs, on whatever database the
environment points at (run by bench/loadtest.py on the small and the generated city).

    DATABASE_URL=postgres://…/ateliers_loadtest_city python -m bench.page_queries

Prints a JSON object: page name → number of queries, for an anonymous visitor and for a
logged-in resident, with the cache emptied before each page: the work of rendering it.
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ateliers.settings")


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from ateliers.core.models import Neighbourhood
    from ateliers.councils.models import Council
    from ateliers.debate.models import Topic
    from ateliers.documents.models import Document
    from ateliers.evaluations.models import Evaluation, Questionnaire
    from ateliers.meetings.models import Meeting
    from ateliers.opinions.models import Conversation
    from ateliers.recommendations.models import Adoption, Recommendation
    from ateliers.townhall.models import Answer, Body, Session
    from ateliers.trainings.models import TrainingSession
    from ateliers.workshops.models import Workshop

    settings.ALLOWED_HOSTS = ["*"]
    largest = Workshop.objects.published().order_by("-participant_count").first()
    council = Council.objects.order_by("pk").first()
    busiest_neighbourhood = (
        Neighbourhood.objects.annotate(n=Count("workshops")).order_by("-n", "pk").first()
    )
    document = Document.objects.filter(workshop=largest).order_by("pk").first()
    session = TrainingSession.objects.order_by("-registered_count", "pk").first()
    meeting = (
        Meeting.objects.filter(workshop=largest).order_by("pk").first() or Meeting.objects.first()
    )
    resident = (
        largest.participations.select_related("user").order_by("pk").first().user
        if largest and largest.participant_count
        else None
    )
    topic = Topic.objects.order_by("-for_count", "-against_count", "pk").first()
    conversation = Conversation.objects.annotate(n=Count("voters")).order_by("-n", "pk").first()
    recommending = Workshop.objects.annotate(n=Count("recommendations")).order_by("-n", "pk")[0]
    recommendation = Recommendation.objects.filter(workshop=recommending).order_by("pk").first()
    amended = Recommendation.objects.order_by("-version", "pk").first()
    adopting = (
        Adoption.objects.values_list("recommendation__workshop__slug", flat=True)
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    ) or recommending.slug
    # The town hall: the body with the most sessions, its fullest public session, the answer
    # with the most milestones, a workshop with delegates.
    body = Body.objects.annotate(n=Count("sessions")).order_by("-n", "pk").first()
    townhall_session = (
        Session.objects.filter(public=True).annotate(n=Count("items")).order_by("-n", "pk").first()
    )
    followed = (
        Answer.objects.filter(recommendation__isnull=False)
        .annotate(n=Count("milestones"))
        .order_by("-n", "pk")
        .values_list("recommendation_id", flat=True)
        .first()
    ) or recommendation.pk
    delegating = (
        Workshop.objects.filter(delegation__isnull=False).values_list("slug", flat=True).first()
    ) or recommending.slug
    # The evaluations: the published one with the most indicators, the questionnaire with
    # the most answers.
    evaluated = (
        Evaluation.objects.filter(published_at__isnull=False)
        .annotate(n=Count("indicators"))
        .order_by("-n", "pk")
        .values_list("workshop__slug", flat=True)
        .first()
    ) or recommending.slug
    answered = (
        Questionnaire.objects.annotate(n=Count("responses", filter=Q(responses__filled=True)))
        .order_by("-n", "pk")
        .values_list("workshop__slug", flat=True)
        .first()
    ) or recommending.slug
    pages = {
        "home": "/",
        "workshop list": "/ateliers/",
        "workshop list, filtered": "/ateliers/?kind=neighbourhood&phase=3",
        "workshop list, page 20": "/ateliers/?page=20",
        "workshop page, largest": largest.get_absolute_url(),
        "workshop history": f"{largest.get_absolute_url()}historique/",
        "councils": "/conseils/",
        "council page": council.get_absolute_url(),
        "document page": document.get_absolute_url(),
        "a workshop's documents": f"/documents/atelier/{largest.slug}/",
        "training catalogue": "/formations/",
        "training page": session.training.get_absolute_url(),
        "training session": session.get_absolute_url(),
        "meeting page": meeting.get_absolute_url(),
        "calendar": "/agenda/",
        "neighbourhoods": "/quartiers/",
        "neighbourhood page": (busiest_neighbourhood.get_absolute_url()),
        "debate topic, largest": topic.get_absolute_url(),
        "for and against, largest": f"/debat/sujets/{topic.pk}/pour-et-contre/",
        "a workshop's debate": f"/debat/atelier/{topic.workshop.slug}/",
        "moderation log": f"/debat/atelier/{topic.workshop.slug}/moderation/",
        "opinion map, largest": conversation.get_absolute_url(),
        "opinion map results, largest": f"{conversation.get_absolute_url()}resultats/",
        "a workshop's recommendations, 50": f"/preconisations/atelier/{recommending.slug}/",
        "recommendation page": f"/preconisations/{recommendation.pk}/",
        "versions of a recommendation": f"/preconisations/{amended.pk}/versions/",
        "amendments of a recommendation": f"/preconisations/{amended.pk}/amendements/",
        "a workshop's adoption": f"/preconisations/atelier/{adopting}/adoption/",
        "a workshop's dossier": f"/preconisations/atelier/{adopting}/dossier/",
        "town hall": "/mairie/",
        "town hall body": body.get_absolute_url() if body else "/mairie/",
        "town hall session": (
            townhall_session.get_absolute_url() if townhall_session else "/mairie/"
        ),
        "follow-up": "/suivi/",
        "follow-up, filtered": "/suivi/?answer=accepted",
        "a recommendation's follow-up": f"/suivi/preconisations/{followed}/",
        "a workshop's delegates": f"/mairie/ateliers/{delegating}/delegues/",
        "search": "/recherche/?q=place",
        "search, filtered": "/recherche/?q=place&type=contribution",
        "evaluations": "/evaluations/",
        "a workshop's evaluation": f"/evaluations/ateliers/{evaluated}/",
        "questionnaire results": f"/evaluations/ateliers/{answered}/questionnaire/resultats/",
        "API: workshops": "/api/v1/workshops/",
        "API: meetings": "/api/v1/meetings/",
        "API: opinion maps": "/api/v1/conversations/",
        "API: statements, 10,000 voters": f"/api/v1/conversations/{conversation.pk}/statements/",
        "API: recommendations": "/api/v1/recommendations/",
        "API: workshops (CSV)": "/api/v1/workshops.csv",
        "feed: new workshops": "/api/v1/feeds/workshops.atom",
    }
    logged_in = {
        "home, logged in": "/",
        "workshop page, logged in": largest.get_absolute_url(),
        "my workshops": "/ateliers/mes-ateliers/",
        "my trainings": "/formations/mes-formations/",
        "my notifications": "/notifications/",
    }
    counts = {}
    visitor, member = Client(), Client()
    if resident is not None:
        member.force_login(resident)
    for client, table in ((visitor, pages), (member, logged_in)):
        for name, url in table.items():
            client.get(url)
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
                if response.streaming:  # a CSV export reads its rows as it is sent
                    b"".join(response.streaming_content)
            counts[name] = len(queries) if response.status_code == 200 else None
    json.dump(counts, sys.stdout)


if __name__ == "__main__":
    main()

"""Factories for the tests: people, territory, workshops with dated phases, councils."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone

from ateliers.core.models import Neighbourhood, Role, Theme, User
from ateliers.councils.models import Council, Mandate
from ateliers.debate.models import Contribution, Topic
from ateliers.documents import samples
from ateliers.documents.models import Category, Document, DocumentVersion
from ateliers.meetings.models import Meeting
from ateliers.opinions.models import Conversation, Statement
from ateliers.trainings.models import Training, TrainingSession
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind

DAY = datetime.timedelta(days=1)


PDF_BYTES = samples.pdf("Document de test", ["Une ligne."])


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.Sequence(lambda n: f"quartier-{n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    role = Role.RESIDENT
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Give the account a verified primary address, as allauth expects to log in."""
        obj.save()
        if create:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


def phase_dates(current: PhaseKind | None, now=None, *, upcoming=False, finished=False):
    """Five contiguous 10-day phases placed so that `current` is running at `now`.

    With upcoming=True the first phase starts tomorrow; with finished=True the last
    one ended yesterday.
    """
    now = now or timezone.now()
    if upcoming:
        start = now + DAY
    elif finished:
        start = now - 51 * DAY
    else:
        start = now - (int(current) - 1) * 10 * DAY - 5 * DAY
    return [
        (kind, start + i * 10 * DAY, start + (i + 1) * 10 * DAY) for i, kind in enumerate(PhaseKind)
    ]


class WorkshopFactory(factory.django.DjangoModelFactory):
    """A published neighbourhood workshop in its communication phase, unless told otherwise.

    `phase=PhaseKind.DEBATE` places it in another phase; `upcoming=True` or
    `finished=True` before or after all of them.
    """

    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    class Params:
        phase = PhaseKind.COMMUNICATION
        upcoming = False
        finished = False

    kind = Workshop.Kind.NEIGHBOURHOOD
    title = factory.Sequence(lambda n: f"Atelier {n}")
    slug = factory.Sequence(lambda n: f"atelier-{n}")
    project = "Réaménager la place du marché."
    objective = "Un plan partagé par les habitants."
    evaluation_plan = "Nombre de préconisations retenues."
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    status = Workshop.Status.PUBLISHED
    starts_at = factory.LazyAttribute(
        lambda o: phase_dates(o.phase, upcoming=o.upcoming, finished=o.finished)[0][1]
    )
    ends_at = factory.LazyAttribute(
        lambda o: phase_dates(o.phase, upcoming=o.upcoming, finished=o.finished)[-1][2]
    )

    @factory.post_generation
    def phases(obj, create, extracted, **kwargs):
        if not create:
            return
        span = obj.ends_at - obj.starts_at
        Phase.objects.bulk_create(
            Phase(
                workshop=obj,
                kind=kind,
                starts_at=obj.starts_at + span * i / 5,
                ends_at=obj.starts_at + span * (i + 1) / 5,
            )
            for i, kind in enumerate(PhaseKind)
        )


class ParticipationFactory(factory.django.DjangoModelFactory):
    """A participation as the app makes it: the workshop's count of participants follows.

    (It does not go through `workshop_join`, so that tests can place participants in any
    phase, as if they had joined during the communication phase.)"""

    class Meta:
        model = Participation

    workshop = factory.SubFactory(WorkshopFactory)
    user = factory.SubFactory(UserFactory)
    capacity = "resident"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        participation = super()._create(model_class, *args, **kwargs)
        Workshop.objects.filter(pk=participation.workshop_id).update(
            participant_count=F("participant_count") + 1
        )
        participation.workshop.refresh_from_db(fields=["participant_count"])
        return participation


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    kind = Council.Kind.NEIGHBOURHOOD
    name = factory.Sequence(lambda n: f"Conseil de quartier {n}")
    slug = factory.Sequence(lambda n: f"conseil-{n}")
    description = "Un conseil de quartier."
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    council = factory.SubFactory(CouncilFactory)
    user = factory.SubFactory(UserFactory)
    role = Mandate.Role.MEMBER
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - 365 * DAY)
    ends_on = None


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document with its first version, as the service makes it: a link unless `pdf=True`
    (then a real one-page PDF in the test storage)."""

    class Meta:
        model = Document
        skip_postgeneration_save = True

    workshop = factory.SubFactory(WorkshopFactory)
    council = None
    title = factory.Sequence(lambda n: f"Document {n}")
    summary = "Ce que contient le document."
    category = Category.SITE_FACTS

    @factory.post_generation
    def pdf(document, create, extracted, **kwargs):
        values = {"document": document, "number": 1}
        if extracted:
            version = DocumentVersion(
                **values,
                filename="document.pdf",
                content_type="application/pdf",
                size=len(PDF_BYTES),
            )
            version.file.save("document.pdf", ContentFile(PDF_BYTES), save=False)
            version.save()
        else:
            version = DocumentVersion.objects.create(**values, link="https://example.org/etude")
        Document.objects.filter(pk=document.pk).update(current=version, version_count=1)
        document.current, document.version_count = version, 1


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    title = factory.Sequence(lambda n: f"Lire un plan d'urbanisme {n}")
    slug = factory.Sequence(lambda n: f"formation-{n}")
    summary = "Lire un plan local d'urbanisme et ses règlements."
    audience = "Tous les habitants."
    trainer = "Agence d'urbanisme"


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    """A session in a week, two hours long, with 5 seats, unless told otherwise."""

    class Meta:
        model = TrainingSession

    training = factory.SubFactory(TrainingFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + 7 * DAY)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Maison des associations"
    address = "3 rue de la République"
    capacity = 5


class MeetingFactory(factory.django.DjangoModelFactory):
    """A workshop's information meeting in a week, two hours long, open without registration,
    unless told otherwise."""

    class Meta:
        model = Meeting

    workshop = factory.SubFactory(WorkshopFactory)
    council = None
    kind = Meeting.Kind.INFORMATION
    title = factory.Sequence(lambda n: f"Réunion d'information {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + 7 * DAY)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Salle des fêtes"
    address = "Place de la mairie"


class TopicFactory(factory.django.DjangoModelFactory):
    """A debate topic of a workshop in its debate phase, unless told otherwise."""

    class Meta:
        model = Topic

    workshop = factory.SubFactory(WorkshopFactory, phase=PhaseKind.DEBATE)
    title = factory.Sequence(lambda n: f"Sujet {n}")
    description = "Ce que nous en pensons."


class ContributionFactory(factory.django.DjangoModelFactory):
    """A contribution "for", posted just now, counted on its topic as the services do."""

    class Meta:
        model = Contribution
        skip_postgeneration_save = True

    topic = factory.SubFactory(TopicFactory)
    kind = Contribution.Kind.FOR
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Argument numéro {n}.")
    created_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def counted(obj, create, extracted, **kwargs):
        if create and obj.is_visible:
            from ateliers.debate.services import add_to_counts

            add_to_counts(obj.topic_id, obj, +1)


class ConversationFactory(factory.django.DjangoModelFactory):
    """A conversation of a debating workshop's opinion map, statements reviewed before."""

    class Meta:
        model = Conversation

    workshop = factory.SubFactory(WorkshopFactory, phase=PhaseKind.DEBATE)
    question = factory.Sequence(lambda n: f"Que faire de la place numéro {n} ?")
    review = Conversation.Review.BEFORE
    opened_at = factory.LazyFunction(timezone.now)


class StatementFactory(factory.django.DjangoModelFactory):
    """An accepted statement of a conversation, numbered after the last one."""

    class Meta:
        model = Statement

    conversation = factory.SubFactory(ConversationFactory)
    text = factory.Sequence(lambda n: f"Proposition numéro {n}.")
    status = Statement.Status.ACCEPTED
    is_seed = True
    created_at = factory.LazyFunction(timezone.now)
    priority = 5.0

    @factory.lazy_attribute
    def position(self):
        Conversation.objects.filter(pk=self.conversation.pk).update(
            last_position=F("last_position") + 1
        )
        return Conversation.objects.get(pk=self.conversation.pk).last_position

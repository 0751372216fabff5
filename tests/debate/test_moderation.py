"""Reports, the moderators' decisions, the author's request for a review, the public log."""

import pytest
from django.core import mail
from django.urls import reverse

from ateliers.debate import services
from ateliers.debate.models import Contribution, ModerationEntry, Report, Topic
from tests.factories import ContributionFactory, TopicFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def report(client, contribution, reason="insult", details=""):
    return client.post(
        reverse("debate:report", args=[contribution.pk]), {"reason": reason, "details": details}
    )


def facilitator_of(workshop):
    person = UserFactory()
    workshop.facilitators.add(person)
    return person


def test_three_reports_hide_a_contribution_until_a_moderator_decides(client, settings):
    settings.DEBATE_REPORTS_TO_HIDE = 3
    contribution = ContributionFactory(text="Propos blessants.")
    ContributionFactory(topic=contribution.topic, parent=contribution, kind="", text="Réponse.")
    reporters = UserFactory.create_batch(3, display_name="Signaleur Discret")

    for person in reporters[:2]:
        client.force_login(person)
        report(client, contribution)
    still_shown = client.get(contribution.topic.get_absolute_url()).content.decode()
    client.force_login(reporters[2])
    report(client, contribution)
    client.logout()

    assert "Propos blessants." in still_shown
    page = client.get(contribution.topic.get_absolute_url()).content.decode()
    assert "Propos blessants." not in page
    assert "Hidden after several reports, until a moderator decides." in page
    assert "Réponse." in page
    assert Topic.objects.get().for_count == 0
    log = client.get(
        reverse("debate:moderation_log", args=[contribution.topic.workshop.slug])
    ).content.decode()
    assert "Hidden after reports" in log and "Signaleur Discret" not in log


def test_a_person_reports_a_contribution_once_and_never_their_own(client):
    contribution = ContributionFactory()
    client.force_login(UserFactory())

    report(client, contribution)
    again = report(client, contribution)
    client.force_login(contribution.author)
    own = report(client, contribution)

    assert again.status_code == 302
    assert Report.objects.count() == 1
    assert Contribution.objects.get().report_count == 1
    assert own.status_code == 403


def test_another_reason_must_be_explained(client):
    contribution = ContributionFactory()
    client.force_login(UserFactory())

    response = report(client, contribution, reason="other")

    assert response.status_code == 200
    assert "Write something here." in response.content.decode()
    assert not Report.objects.exists()


def test_a_moderator_hides_with_a_reason_the_author_is_told_and_asks_once_for_a_review(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    contribution = ContributionFactory(text="Numéro de téléphone du voisin.", kind="remark")
    ContributionFactory(topic=contribution.topic, parent=contribution, kind="", text="Réponse.")
    workshop = contribution.topic.workshop
    moderator = facilitator_of(workshop)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("debate:moderate", args=[contribution.pk]),
            {"hide": "1", "hide-reason": "Données personnelles."},
        )

    client.logout()
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "Hidden by moderation: Données personnelles." in page
    assert "Numéro de téléphone" not in page and "Réponse." in page
    assert Topic.objects.get().remark_count == 0
    told = mailoutbox[-1]
    assert told.to == [contribution.author.email]
    assert "Données personnelles." in told.body and contribution.get_absolute_url() in told.body

    client.force_login(contribution.author)
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(
            reverse("debate:review", args=[contribution.pk]), {"message": "Erreur."}
        )
    twice = client.post(reverse("debate:review", args=[contribution.pk]), {"message": "Encore."})
    assert asked.status_code == 302 and twice.status_code == 403
    assert mailoutbox[-1].to == [moderator.email] and "Erreur." in mailoutbox[-1].body

    client.force_login(moderator)
    queue = client.get(reverse("debate:queue", args=[workshop.slug])).content.decode()
    assert "Erreur." in queue
    client.post(
        reverse("debate:moderate", args=[contribution.pk]),
        {"restore": "1", "restore-reason": "Numéro retiré du texte par erreur de lecture."},
    )
    assert Contribution.objects.get(pk=contribution.pk).is_visible
    assert Topic.objects.get().remark_count == 1
    assert (
        "Erreur." not in client.get(reverse("debate:queue", args=[workshop.slug])).content.decode()
    )
    decisions = list(ModerationEntry.objects.values_list("decision", flat=True))
    assert decisions == ["restored", "hidden"]


def test_keeping_a_contribution_hidden_answers_the_review_and_ends_it(client):
    contribution = ContributionFactory()
    moderator = facilitator_of(contribution.topic.workshop)
    services.contribution_hide(contribution=contribution, reason="Hors sujet.", by=moderator)
    services.review_ask(contribution=contribution, message="Non.", by=contribution.author)
    client.force_login(moderator)

    client.post(
        reverse("debate:moderate", args=[contribution.pk]),
        {"hide": "1", "hide-reason": "Toujours hors sujet."},
    )

    contribution.refresh_from_db()
    assert contribution.moderation_reason == "Toujours hors sujet."
    assert contribution.review_answered_at is not None
    with pytest.raises(services.ReviewAlreadyAsked):
        services.review_ask(contribution=contribution, message="Encore.", by=contribution.author)


def test_hiding_needs_a_reason(client):
    contribution = ContributionFactory()
    client.force_login(facilitator_of(contribution.topic.workshop))

    response = client.post(
        reverse("debate:moderate", args=[contribution.pk]), {"hide": "1", "hide-reason": ""}
    )

    assert response.status_code == 200
    assert Contribution.objects.get().is_visible


def test_the_facilitator_of_another_workshop_does_not_moderate_this_one(client):
    contribution = ContributionFactory()
    other = facilitator_of(WorkshopFactory())
    client.force_login(other)

    hide = client.post(
        reverse("debate:moderate", args=[contribution.pk]), {"hide": "1", "hide-reason": "Non."}
    )
    queue = client.get(reverse("debate:queue", args=[contribution.topic.workshop.slug]))

    assert hide.status_code == queue.status_code == 403
    assert Contribution.objects.get().is_visible


def test_the_moderation_log_lists_decisions_and_reasons_for_everyone(client):
    workshop = WorkshopFactory()
    topic = TopicFactory(workshop=workshop, title="Stationnement")
    contribution = ContributionFactory(topic=topic)
    moderator = facilitator_of(workshop)
    services.contribution_hide(contribution=contribution, reason="Injure.", by=moderator)

    page = client.get(reverse("debate:moderation_log", args=[workshop.slug])).content.decode()

    assert "Injure." in page and "Stationnement" in page
    assert moderator.public_name in page


def test_the_log_of_a_workshop_without_decisions_says_so(client):
    workshop = WorkshopFactory()

    page = client.get(reverse("debate:moderation_log", args=[workshop.slug])).content.decode()

    assert "No moderation decision so far." in page


def test_an_email_is_sent_once_even_if_its_task_runs_twice(
    mailoutbox, django_capture_on_commit_callbacks
):
    from ateliers.debate import tasks

    contribution = ContributionFactory()
    moderator = facilitator_of(contribution.topic.workshop)
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_hide(contribution=contribution, reason="Spam.", by=moderator)
    entry = ModerationEntry.objects.get()

    tasks.tell_author_hidden.call(entry.pk)

    assert len(mailoutbox) == 1
    assert contribution.topic.title in mail.outbox[0].subject

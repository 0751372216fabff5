"""Opening the questionnaire e-mails each invited participant once: what it is for, that it is
anonymous and how, when it closes, its link; a second run of the task sends nothing more, and
nobody else hears of it."""

import pytest
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from ateliers.evaluations import tasks
from ateliers.evaluations.models import Questionnaire
from tests.factories import ParticipationFactory, WorkshopFactory

from .questionnaire_data import opened

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    workshop = WorkshopFactory(finished=True, title="Des fontaines au parc")
    # Someone of another workshop, and the team, hear nothing.
    ParticipationFactory(workshop=WorkshopFactory(finished=True))
    return workshop


def test_each_invited_participant_gets_one_e_mail(
    workshop, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        questionnaire, people = opened(workshop, participants=3)

    assert sorted(message.to[0] for message in mailoutbox) == sorted(p.email for p in people)
    message = mailoutbox[0]
    assert "Des fontaines au parc" in message.subject
    body = " ".join(message.body.split())
    assert f"/evaluations/ateliers/{workshop.slug}/questionnaire/" in body
    assert "The questionnaire is anonymous." in body
    assert "nobody, not the workshop's team nor the site's administrators, can link" in body
    assert (
        f"it closes on {date_format(timezone.localtime(questionnaire.closes_at), 'j F Y')}." in body
    )
    assert "Hello" in body and people[0].public_name in " ".join(m.body for m in mailoutbox)

    # The task runs again (a retry, a restarted worker): nobody gets a second e-mail.
    tasks.invite.call(questionnaire.pk)
    tasks.invite.call(questionnaire.pk)
    assert len(mailoutbox) == 3


def test_people_who_joined_later_are_not_written_to(
    workshop, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        questionnaire, people = opened(workshop, participants=2)
    late = ParticipationFactory(workshop=workshop).user
    tasks.invite.call(questionnaire.pk)

    assert late.email not in {message.to[0] for message in mailoutbox}
    assert len(mailoutbox) == 2


def test_the_e_mail_is_written_in_the_site_s_language(
    workshop, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "fr"
    with django_capture_on_commit_callbacks(execute=True):
        opened(workshop, participants=1)

    # The month of the closing date, in words, in French whatever the request's language.
    closes = Questionnaire.objects.get().closes_at
    months = {}
    for language in ("fr", "en"):
        with translation.override(language):
            months[language] = date_format(timezone.localtime(closes), "F")
    assert months["fr"] != months["en"]
    assert months["fr"] in mailoutbox[0].body
    assert months["en"] not in mailoutbox[0].body


def test_no_e_mail_for_a_questionnaire_that_is_gone(mailoutbox):
    tasks.invite.call(123_456)
    assert mailoutbox == []

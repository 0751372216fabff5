"""The follow-up's forms and pages for tests/test_hostile_input.py: how to build each form with
valid answers, and the pages that take them (who may post, where). The town hall's objects are
made on first use and kept on the City."""

import uuid
from types import SimpleNamespace

from django.utils import timezone

from ateliers.townhall.forms_answers import (
    AnswerForm,
    FollowupFilterForm,
    MilestoneForm,
    MilestoneUpdateForm,
    SubmissionForm,
)
from ateliers.townhall.models import Answer

from .followup_factories import adopted, answered, answering_workshop, milestone, submission


def followup_of(city) -> SimpleNamespace:
    """An adopted recommendation of a workshop in its presentation phase, accepted with a
    milestone, and a council's submission accepted too."""
    if getattr(city, "_followup", None) is None:
        recommendation = adopted(answering_workshop(title="Des rues apaisées"))
        answer = answered(recommendation, status=Answer.Status.ACCEPTED)
        sent = submission(city.council)
        answered(submission=sent, status=Answer.Status.ACCEPTED)
        city._followup = SimpleNamespace(
            recommendation=recommendation, milestone=milestone(answer), submission=sent
        )
    return city._followup


def _answer(city) -> dict:
    return {
        "status": "partially_accepted",
        "justification": "Deux écoles sur trois cette année.",
        "service": "Direction de l'éducation",
        "elected_official": "Adjointe à l'éducation",
    }


def _milestone(city) -> dict:
    return {"title": "Études", "target_date": (timezone.localdate()).isoformat()}


def _progress(city) -> dict:
    return {"status": "in_progress", "progress": "40", "note": "Les travaux commencent."}


def _submission(city) -> dict:
    return {
        "council": city.council.pk,
        "kind": "proposal",
        "title": "Des bancs au square",
        "text": "Installer des bancs.",
        "answer_months": "3",
        "submission_key": str(uuid.uuid4()),
    }


def _filters(city) -> dict:
    return {"neighbourhood": "centre-ville", "theme": "nature", "answer": "awaiting"}


def followup_form_uses(FormUse, no_arguments) -> dict:  # noqa: N803 - the class given
    return {
        FollowupFilterForm: [FormUse("follow-up filters", no_arguments, _filters)],
        AnswerForm: [FormUse("city's answer", no_arguments, _answer)],
        MilestoneForm: [FormUse("milestone", no_arguments, _milestone)],
        MilestoneUpdateForm: [FormUse("milestone progress", no_arguments, _progress)],
        SubmissionForm: [FormUse("council submission", no_arguments, _submission)],
    }


def followup_form_pages(FormPage, answers_of, fields_of, with_page) -> list:  # noqa: N803
    def road(c) -> str:
        return f"/suivi/preconisations/{followup_of(c).recommendation.pk}/"

    def sent(c) -> str:
        return f"/mairie/saisines/{followup_of(c).submission.pk}/"

    pages = [
        FormPage(name, "staff", path, answers_of(form), fields_of(form), form=form)
        for name, path, form in [
            ("followup-answer", lambda c: road(c) + "reponse/", AnswerForm),
            ("followup-milestone", lambda c: road(c) + "jalons/nouveau/", MilestoneForm),
            (
                "followup-progress",
                lambda c: f"/suivi/jalons/{followup_of(c).milestone.pk}/avancement/",
                MilestoneUpdateForm,
            ),
            ("submission-create", lambda c: "/mairie/saisines/nouvelle/", SubmissionForm),
            ("submission-answer", lambda c: sent(c) + "reponse/", AnswerForm),
            ("submission-milestone", lambda c: sent(c) + "jalons/nouveau/", MilestoneForm),
        ]
    ]
    pages.append(
        FormPage(
            "followup",
            None,
            lambda c: "/suivi/",
            answers_of(FollowupFilterForm),
            with_page(fields_of(FollowupFilterForm)),
            form=FollowupFilterForm,
            method="get",
            valid_status=200,
        )
    )
    return pages

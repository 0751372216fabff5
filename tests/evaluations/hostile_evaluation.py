"""The facilitators' evaluation for the tests that go through every form and page
(tests/test_hostile_input.py, tests/test_html_validity.py): how to build its forms with valid
answers, the pages that take them, and the pages to check. The city's finished workshop gets
a draft with an indicator, and a workshop of its own a published evaluation, made on first
use and kept on the City."""

from types import SimpleNamespace

from ateliers.evaluations import services
from ateliers.evaluations.forms_workshop import EvaluationForm, IndicatorForm
from tests.factories import WorkshopFactory

BASE = "/evaluations/ateliers/{0.slug}/"


def evaluations_of(city) -> SimpleNamespace:
    if getattr(city, "_evaluations", None) is None:
        draft = city.finished_workshop
        services.evaluation_save(
            actor=city.staff, workshop=draft, outcome="partly_met", explanation="Huit bancs."
        )
        indicator = services.indicator_add(
            actor=city.staff, workshop=draft, name="Bancs posés", value="8", target="10"
        )
        services.indicator_add(actor=city.staff, workshop=draft, measure="participants")
        done = WorkshopFactory(
            title="Fontaines du square", neighbourhood=draft.neighbourhood, finished=True
        )
        services.evaluation_save(
            actor=city.staff, workshop=done, outcome="met", explanation="Les **trois** coulent."
        )
        services.indicator_add(actor=city.staff, workshop=done, name="Fontaines", value="3")
        services.indicator_add(actor=city.staff, workshop=done, measure="contributions")
        services.evaluation_publish(actor=city.staff, workshop=done)
        city._evaluations = SimpleNamespace(draft=draft, indicator=indicator, published=done)
    return city._evaluations


def draft_page(suffix: str = ""):
    return lambda city: BASE.format(evaluations_of(city).draft) + suffix


def _evaluation(city) -> dict:
    return {"outcome": "met", "explanation": "Les dix bancs sont posés."}


def _indicator(city) -> dict:
    return {"measure": "", "name": "Bancs posés", "value": "8", "target": "10"}


def evaluation_form_uses(FormUse, no_arguments) -> dict:  # noqa: N803 - the class given
    return {
        EvaluationForm: [FormUse("evaluation", no_arguments, _evaluation)],
        IndicatorForm: [
            FormUse(
                "indicator",
                lambda city: {"measures": [("residents", "Participants taking part as residents")]},
                _indicator,
            )
        ],
    }


def evaluation_form_pages(FormPage, answers_of, fields_of) -> list:  # noqa: N803
    return [
        FormPage(name, "staff", path, answers_of(form), fields_of(form), form=form)
        for name, path, form in [
            ("evaluation-write", draft_page("rediger/"), EvaluationForm),
            ("evaluation-indicator", draft_page("indicateurs/ajouter/"), IndicatorForm),
        ]
    ]


# Pages that take a POST with no field: a confirmation.
NO_FORM_DATA = {"evaluations:indicator_remove", "evaluations:publish"}


def evaluation_pages(Page) -> list:  # noqa: N803 - the class given
    def remove(city) -> str:
        return draft_page(f"indicateurs/{evaluations_of(city).indicator.pk}/retirer/")(city)

    def published(city) -> str:
        return BASE.format(evaluations_of(city).published)

    return [
        Page("evaluation-before-publication", None, draft_page()),
        Page("evaluation-draft-for-the-team", "staff", draft_page()),
        Page("evaluation-published", None, published),
        Page("evaluation-published-for-the-team", "staff", published),
        Page("evaluation-write", "staff", draft_page("rediger/")),
        Page(
            "evaluation-write-errors",
            "staff",
            draft_page("rediger/"),
            lambda c: {"outcome": "", "explanation": ""},
        ),
        Page(
            "evaluation-indicator-errors",
            "staff",
            draft_page("indicateurs/ajouter/"),
            lambda c: {"measure": "participants", "name": "", "value": "3"},
        ),
        Page("evaluation-indicator-remove", "staff", remove),
        Page("evaluation-publish", "staff", draft_page("publier/")),
        Page(
            "dossier-with-evaluation",
            None,
            lambda c: f"/preconisations/atelier/{evaluations_of(c).published.slug}/dossier/",
        ),
    ]

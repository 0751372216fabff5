"""The notifications' forms and pages for tests/test_hostile_input.py."""

from ateliers.notifications.kinds import KINDS
from ateliers.notifications.views import PreferencesForm


def preferences_answers(city) -> dict:
    return {**{name: "immediate" for name in KINDS}, "themes": []}


def notification_form_uses(FormUse, no_arguments) -> dict:
    return {PreferencesForm: [FormUse("notification-settings", no_arguments, preferences_answers)]}


def notification_form_pages(FormPage, answers_of, fields_of) -> list:
    return [
        FormPage(
            "notification-settings",
            "resident",
            lambda c: "/notifications/reglages/",
            answers_of(PreferencesForm),
            fields_of(PreferencesForm),
            form=PreferencesForm,
        ),
        FormPage(
            "follow",
            "resident",
            lambda c: f"/notifications/suivre/workshop/{c.open_workshop.pk}/",
            lambda c: {"follow": "1"},
            lambda c: {"follow": ("choice", True)},
            refused_status=400,
        ),
    ]


# A button without fields: everything is read; the one-click unsubscribe carries its proof
# in its address.
NO_FORM_DATA = {"notifications:mark_all_read", "notifications:unsubscribe"}

"""The five phases' dates: pre-filled from the workshop's span, checked in order, no overlap."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ateliers.core.errors import InvalidInput
from ateliers.workshops.models import Phase, Workshop
from ateliers.workshops.phases import PhaseKind, default_phase_bounds
from ateliers.workshops.services.lifecycle import validate_phases, workshop_create
from tests.factories import NeighbourhoodFactory

from .manage_data import DAY, contiguous_phases, next_month_start, workshop_form_data

# The assertions read the English source strings (French: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

PARIS = ZoneInfo("Europe/Paris")
START = datetime.datetime(2027, 3, 1, 9, tzinfo=PARIS)


def with_phase(phases, kind, *, starts_at=None, ends_at=None):
    """The same phases with one of them moved."""
    return [
        (k, starts_at or start, ends_at or end) if k == kind else (k, start, end)
        for k, start, end in phases
    ]


# Pre-filled phases


@given(
    starts_at=st.datetimes(
        min_value=datetime.datetime(2024, 1, 1), max_value=datetime.datetime(2035, 1, 1)
    ),
    hours=st.integers(min_value=24, max_value=24 * 400),
)
def test_default_phases_are_contiguous_in_order_and_cover_the_span(starts_at, hours):
    starts_at = starts_at.replace(tzinfo=datetime.UTC)
    ends_at = starts_at + datetime.timedelta(hours=hours)

    bounds = default_phase_bounds(starts_at, ends_at)

    assert [kind for kind, _start, _end in bounds] == list(PhaseKind)
    assert bounds[0][1] == starts_at
    assert bounds[-1][2] == ends_at
    for (_kind, _start, previous_end), (_next, next_start, _end) in zip(
        bounds, bounds[1:], strict=False
    ):
        assert next_start == previous_end
    assert all(end > start for _kind, start, end in bounds)
    validate_phases(bounds)  # what the form pre-fills, the form accepts


def test_default_phases_follow_their_weights():
    bounds = default_phase_bounds(START, START + 100 * DAY)

    lengths = [(end - start).days for _kind, start, end in bounds]
    assert lengths == [20, 20, 30, 20, 10]


# The rule, as a function


def test_contiguous_phases_are_valid():
    validate_phases(contiguous_phases(START))


def test_a_gap_between_phases_is_allowed():
    phases = with_phase(
        contiguous_phases(START), PhaseKind.PRESENTATION, starts_at=START + 45 * DAY
    )
    validate_phases(phases)


@pytest.mark.parametrize(
    ("move", "field", "message"),
    [
        pytest.param(
            {"starts_at": START - 5 * DAY, "ends_at": START - 4 * DAY},
            "debate_starts_at",
            "The debate phase must come after the information and training phase.",
            id="order",
        ),
        pytest.param(
            {"starts_at": START + 18 * DAY},
            "debate_starts_at",
            "The debate phase must start after the information and training phase ends.",
            id="overlap",
        ),
        pytest.param(
            {"ends_at": START + 20 * DAY},
            "debate_ends_at",
            "The debate phase must end after it starts.",
            id="end-after-start",
        ),
    ],
)
def test_each_rule_names_the_phase_at_fault(move, field, message):
    phases = with_phase(contiguous_phases(START), PhaseKind.DEBATE, **move)

    with pytest.raises(InvalidInput) as raised:
        validate_phases(phases)

    assert raised.value.errors == {field: [message]}


def test_all_five_phases_are_needed():
    with pytest.raises(InvalidInput):
        validate_phases(contiguous_phases(START)[:4])


@pytest.mark.django_db
def test_the_service_writes_nothing_with_bad_phases(facilitator):
    phases = with_phase(contiguous_phases(START), PhaseKind.DEBATE, ends_at=START + 20 * DAY)

    with pytest.raises(InvalidInput):
        workshop_create(
            created_by=facilitator,
            kind="city",
            title="Plan climat",
            project="p",
            objective="o",
            evaluation_plan="e",
            phases=phases,
        )

    assert not Workshop.objects.exists()
    assert not Phase.objects.exists()


# The rule, through the form


@pytest.mark.parametrize(
    ("move", "field", "message"),
    [
        pytest.param(
            {"starts_at": -5, "ends_at": -4},
            "debate_starts_at",
            "The debate phase must come after the information and training phase.",
            id="order",
        ),
        pytest.param(
            {"starts_at": 18},
            "debate_starts_at",
            "The debate phase must start after the information and training phase ends.",
            id="overlap",
        ),
        pytest.param(
            {"ends_at": 20},
            "debate_ends_at",
            "The debate phase must end after it starts.",
            id="end-after-start",
        ),
    ],
)
def test_the_form_shows_the_message_on_the_phase_at_fault(
    client, facilitator, move, field, message
):
    start = next_month_start()
    moved = {bound: start + days * DAY for bound, days in move.items()}
    phases = with_phase(contiguous_phases(start), PhaseKind.DEBATE, **moved)
    client.force_login(facilitator)

    response = client.post(
        reverse("workshops:create"),
        workshop_form_data(neighbourhood=NeighbourhoodFactory(), phases=phases),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[field] == [message]
    assert set(errors) == {field}
    assert message in response.content.decode()
    assert not Workshop.objects.exists()
    assert not Phase.objects.exists()


def test_a_missing_phase_date_is_flagged_on_its_field(client, facilitator):
    phases = contiguous_phases(next_month_start())
    data = workshop_form_data(neighbourhood=NeighbourhoodFactory(), phases=phases)
    data["presentation_ends_at"] = ""
    client.force_login(facilitator)

    response = client.post(reverse("workshops:create"), data)

    assert list(response.context["form"].errors) == ["presentation_ends_at"]
    assert not Workshop.objects.exists()


def test_valid_phases_are_saved_and_set_the_workshop_span(client, facilitator):
    start = next_month_start()
    phases = with_phase(contiguous_phases(start), PhaseKind.PRESENTATION, ends_at=start + 70 * DAY)
    client.force_login(facilitator)

    response = client.post(
        reverse("workshops:create"),
        workshop_form_data(neighbourhood=NeighbourhoodFactory(), phases=phases),
    )

    assert response.status_code == 302
    workshop = Workshop.objects.get()
    stored = [(p.kind, p.starts_at, p.ends_at) for p in workshop.phases.order_by("kind")]
    assert stored == phases
    assert workshop.starts_at == start
    assert workshop.ends_at == start + 70 * DAY


def test_typed_phases_win_over_the_span(client, facilitator):
    """Once phases are filled in, the overall dates no longer decide."""
    start = next_month_start()
    phases = contiguous_phases(start, days=3)
    data = workshop_form_data(
        neighbourhood=NeighbourhoodFactory(),
        phases=phases,
        span=(start - 100 * DAY, start + 100 * DAY),
    )
    client.force_login(facilitator)

    client.post(reverse("workshops:create"), data)

    workshop = Workshop.objects.get()
    assert (workshop.starts_at, workshop.ends_at) == (start, start + 15 * DAY)

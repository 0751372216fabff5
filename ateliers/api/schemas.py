"""The shapes of the API's answers, as the OpenAPI schema describes them to integrators. Each
mirrors a function of rows.py."""

import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import create_model


class Error(Schema):
    detail: str = Field(description="What went wrong, in words.")


class Phase(Schema):
    kind: Literal["communication", "information", "debate", "recommendations", "presentation"]
    name: str = Field(description="The phase's name in the language of the request.")
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class Workshop(Schema):
    slug: str = Field(description="The workshop's identifier in its address.")
    title: str
    kind: Literal["neighbourhood", "city"]
    status: Literal["published", "archived"]
    url: str = Field(description="The workshop's page.")
    project: str
    objective: str
    neighbourhood: str | None
    themes: list[str]
    proposed_by: str | None = Field(description="The council that proposed the workshop.")
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    published_at: datetime.datetime | None
    capacity: int | None = Field(description="Seats; null when there is no limit.")
    participant_count: int
    current_phase: str | None = Field(description="The kind of the phase running now.")
    phases: list[Phase]


class Member(Schema):
    name: str = Field(description="The member's public name.")
    role: Literal["president", "vice_president", "secretary", "member"]
    since: datetime.date
    until: datetime.date | None


class Council(Schema):
    slug: str
    name: str
    kind: str
    url: str
    description: str
    neighbourhood: str | None = Field(description="Its territory; null for the whole city.")
    themes: list[str]
    members: list[Member] = Field(description="The members holding a mandate today.")


class Owner(Schema):
    type: Literal["workshop", "council"]
    slug: str
    name: str
    url: str


class Meeting(Schema):
    id: int
    title: str
    kind: str
    url: str
    organiser: Owner
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    address: str
    accessibility: str
    online_link: str
    agenda: list[str]
    registration_required: bool
    capacity: int | None
    seats_left: int | None
    cancelled: bool
    minutes: str
    attendee_count: int | None


class TrainingSession(Schema):
    id: int
    url: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    address: str
    accessibility: str
    online_link: str
    capacity: int
    seats_left: int
    cancelled: bool


class Training(Schema):
    slug: str
    title: str
    url: str
    summary: str
    audience: str
    trainer: str
    prerequisites: str
    themes: list[str]
    sessions: list[TrainingSession]


class DocumentVersion(Schema):
    number: int
    added_at: datetime.datetime
    note: str = Field(description="What changed in this version.")
    file_name: str = Field(description="Empty for a link.")
    content_type: str
    size: int = Field(description="In bytes; 0 for a link.")
    is_link: bool
    download_url: str


class Document(Schema):
    id: int
    title: str
    category: Literal["site_facts", "budget", "constraints", "study", "minutes", "other"]
    url: str
    summary: str
    owner: Owner
    updated_at: datetime.datetime
    versions: list[DocumentVersion] = Field(description="The latest first.")


class Representative(Schema):
    statement: int = Field(description="The statement's number in the conversation.")
    direction: Literal["agree", "disagree"]
    agree_percent: int | None
    disagree_percent: int | None
    pass_percent: int | None
    seen: int | None = Field(description="How many of the group voted on it.")


class Group(Schema):
    label: str
    size: int
    representative: list[Representative]


class OpinionMap(Schema):
    computed_at: datetime.datetime
    participants: int
    votes: int
    groups: list[Group]
    shared: list[int] = Field(description="Numbers of the statements most groups agree on.")
    divisive: list[int] = Field(description="Numbers of the statements that divide the groups.")


class Conversation(Schema):
    id: int
    question: str
    description: str
    url: str
    results_url: str
    workshop: str = Field(description="The workshop's slug.")
    opened_at: datetime.datetime
    map: OpinionMap | None = Field(description="The last computed map; null before the first.")


class Statement(Schema):
    number: int
    text: str
    seed: bool = Field(description="Written by the workshop's team to start the conversation.")
    agree: int
    disagree: int
    # "pass" is a Python keyword: the field keeps its JSON name through an alias.
    pass_: int = Field(alias="pass")


class Milestone(Schema):
    title: str
    target_date: str | None
    status: str
    progress: int
    completed_on: str | None


class Recommendation(Schema):
    id: int
    url: str
    title: str
    workshop: str
    neighbourhood: str | None
    themes: list[str]
    adopted_on: str | None
    hearing_date: str | None
    hearing_body: str | None
    due_date: str | None = Field(description="When the city's answer is due.")
    answer: str | None = Field(description="The city's answer; null while it is awaited.")
    justification: str | None
    service: str | None
    elected_official: str | None
    answered_on: str | None
    overdue: bool
    progress: int | None = Field(description="The milestones' average progress, in %.")
    milestones: list[Milestone]
    last_update: str | None


class Indicator(Schema):
    name: str
    target: str
    value: str
    measured_by_platform: bool


class Evaluation(Schema):
    id: int
    workshop: str = Field(description="The workshop's slug.")
    url: str
    outcome: Literal["met", "partly_met", "not_met"]
    explanation: str
    published_at: datetime.datetime
    indicators: list[Indicator]


def page_of(item: type[Schema]) -> type[Schema]:
    """A page of a list: its items, and the address of the next page (null on the last)."""
    return create_model(
        f"{item.__name__}Page",
        __base__=Schema,
        items=(list[item], ...),  # type: ignore[valid-type]
        next=(str | None, Field(description="The next page's address; null on the last.")),
    )

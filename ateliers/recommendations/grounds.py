"""What a recommendation builds on: the debate contributions and opinion-map statements of its
workshop that ground it, pasted by its authors as links, one per line.

A contribution is linked by its address (`/debat/contributions/<pk>/`); a statement by its
own page's (`/carte-des-avis/<conversation>/propositions/<number>/`, linked from the
conversation's list of statements). Either may come with the site's scheme and host, as copied
from the browser.

The links are not part of the recommendation's versioned text: changing them makes no new
version. They change only while the recommendation is a draft (the edit refuses otherwise).
"""

import dataclasses
import html
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http.request import split_domain_port, validate_host
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from ateliers.core.errors import Collected
from ateliers.core.markdown import render_markdown
from ateliers.debate.models import VISIBLE_STATES, Contribution
from ateliers.opinions.models import Statement, StatementStatus
from ateliers.workshops.models import Workshop

from .models import Recommendation

FIELD = "grounds"
MOST_LINKS = 20
# What the form's field takes: 20 full addresses and some room.
MAX_GROUNDS = 4_000
# The lines at fault named one by one; the others are counted.
MOST_BAD_LINES = 5
EXCERPT = 200
DOSSIER_EXCERPT = 120

CONTRIBUTION_PATH = re.compile(r"/debat/contributions/(?P<pk>[0-9]{1,10})/?")
STATEMENT_PATH = re.compile(
    r"/carte-des-avis/(?P<conversation>[0-9]{1,10})/propositions/(?P<position>[0-9]{1,10})/?"
)
CONTRIBUTION_ANCHOR = re.compile(r"(?:contribution-[0-9]{1,10})?")


@dataclasses.dataclass(frozen=True)
class Grounds:
    """The rows a recommendation will be linked to, checked."""

    contributions: list[Contribution]
    statements: list[Statement]


def statement_url(statement: Statement) -> str:
    return reverse("opinions:statement", args=[statement.conversation_id, statement.position])


def _on_this_site(parts) -> bool:
    if not parts.scheme and not parts.netloc:
        return True
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    host = parts.netloc.lower()
    if host == urlsplit(settings.SITE_URL).netloc.lower():
        return True
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


def _shown(line: str) -> str:
    return Truncator(line).chars(80)


def _parse(lines: list[tuple[int, str]], errors: Collected):
    """Each line's kind and key, in order, without repeats; errors name the lines at fault."""
    wanted: dict[tuple, int] = {}
    bad = 0
    for number, line in lines:
        parts = urlsplit(line)
        key: tuple | None = None
        if _on_this_site(parts) and not parts.query:
            if match := CONTRIBUTION_PATH.fullmatch(parts.path):
                if CONTRIBUTION_ANCHOR.fullmatch(parts.fragment):
                    key = ("contribution", int(match["pk"]))
            elif (match := STATEMENT_PATH.fullmatch(parts.path)) and not parts.fragment:
                key = ("statement", int(match["conversation"]), int(match["position"]))
        if key is None:
            bad += 1
            if bad > MOST_BAD_LINES:
                continue
            errors.add(
                FIELD,
                _(
                    "Line %(number)s (“%(line)s”) is neither the address of a debate "
                    "contribution (…/debat/contributions/12/) nor that of an opinion-map "
                    "statement (…/carte-des-avis/3/propositions/7/)."
                )
                % {"number": number, "line": _shown(line)},
            )
        elif key not in wanted:
            wanted[key] = number
    if bad > MOST_BAD_LINES:
        errors.add(
            FIELD,
            _("And %(count)s more lines that are not such addresses.")
            % {"count": bad - MOST_BAD_LINES},
        )
    return wanted


def validate_grounds(*, workshop: Workshop, grounds: str, errors: Collected) -> Grounds:
    """The contributions and statements the text links to, in two queries at most. Each must
    be of `workshop` and public; refusals are added to `errors`, naming the line."""
    text = grounds or ""
    if len(text) > MAX_GROUNDS:
        errors.add(FIELD, _("At most %(most)s characters.") % {"most": f"{MAX_GROUNDS:,}"})
        return Grounds([], [])
    lines = [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    wanted = _parse(lines, errors)
    if len(wanted) > MOST_LINKS:
        errors.add(
            FIELD,
            _("At most %(most)s links (there are %(count)s).")
            % {"most": MOST_LINKS, "count": len(wanted)},
        )
        return Grounds([], [])
    contribution_keys = {key[1]: at for key, at in wanted.items() if key[0] == "contribution"}
    statement_keys = {key[1:]: at for key, at in wanted.items() if key[0] == "statement"}
    contributions = []
    if contribution_keys:
        found = {
            contribution.pk: contribution
            for contribution in Contribution.objects.filter(
                pk__in=sorted(contribution_keys)
            ).select_related("topic")
        }
        for pk, number in contribution_keys.items():
            contribution = found.get(pk)
            if contribution is None:
                errors.add(
                    FIELD,
                    _("Line %(number)s: there is no debate contribution #%(pk)s.")
                    % {"number": number, "pk": pk},
                )
            elif contribution.topic.workshop_id != workshop.pk:
                errors.add(
                    FIELD,
                    _(
                        "Line %(number)s: contribution #%(pk)s belongs to the debate of "
                        "another workshop."
                    )
                    % {"number": number, "pk": pk},
                )
            elif contribution.deleted_at is not None or contribution.moderation not in (
                VISIBLE_STATES
            ):
                errors.add(
                    FIELD,
                    _(
                        "Line %(number)s: contribution #%(pk)s is not shown to the public "
                        "(deleted, or hidden by moderation)."
                    )
                    % {"number": number, "pk": pk},
                )
            else:
                contributions.append(contribution)
    statements = []
    if statement_keys:
        which = Q()
        for conversation, position in statement_keys:
            which |= Q(conversation_id=conversation, position=position)
        found_statements = {
            (statement.conversation_id, statement.position): statement
            for statement in Statement.objects.filter(which).select_related("conversation")
        }
        for key, number in statement_keys.items():
            statement = found_statements.get(key)
            if statement is None:
                errors.add(
                    FIELD,
                    _(
                        "Line %(number)s: the opinion map #%(conversation)s has no statement "
                        "number %(position)s."
                    )
                    % {"number": number, "conversation": key[0], "position": key[1]},
                )
            elif statement.conversation.workshop_id != workshop.pk:
                errors.add(
                    FIELD,
                    _(
                        "Line %(number)s: this statement belongs to the opinion map of another "
                        "workshop."
                    )
                    % {"number": number},
                )
            elif statement.status != StatementStatus.ACCEPTED:
                errors.add(
                    FIELD,
                    _(
                        "Line %(number)s: this statement is not shown to the public (waiting "
                        "for review, or rejected)."
                    )
                    % {"number": number},
                )
            else:
                statements.append(statement)
    return Grounds(contributions, statements)


def grounds_set(recommendation: Recommendation, grounds: Grounds) -> None:
    """Replace the recommendation's links (inside the caller's transaction)."""
    recommendation.contributions.set(grounds.contributions)
    recommendation.statements.set(grounds.statements)


def grounds_text(recommendation: Recommendation) -> str:
    """The links as the edit form shows them, one per line (two queries)."""
    contributions = [
        reverse("debate:contribution", args=[pk])
        for pk in recommendation.contributions.order_by("created_at", "pk").values_list(
            "pk", flat=True
        )
    ]
    statements = [
        statement_url(statement)
        for statement in recommendation.statements.order_by("conversation_id", "position").only(
            "pk", "conversation_id", "position"
        )
    ]
    return "\n".join([*contributions, *statements])


# --- Reading them back, for the recommendation's page and the dossier.


def plain_excerpt(text: str, length: int = EXCERPT) -> str:
    """A contribution's Markdown as plain text (to be escaped when shown), cut short."""
    plain = html.unescape(strip_tags(render_markdown(text or "")))
    return Truncator(" ".join(plain.split())).chars(length)


def prefetches() -> list[Prefetch]:
    """For recommendation_for_page: two queries, whatever the number of links."""
    return [
        Prefetch(
            "contributions",
            queryset=Contribution.objects.select_related("author").order_by("created_at", "pk"),
        ),
        Prefetch("statements", queryset=Statement.objects.order_by("conversation_id", "position")),
    ]


@dataclasses.dataclass(frozen=True)
class ContributionLine:
    url: str
    kind: StrOrPromise
    visible: bool
    deleted: bool
    excerpt: str
    author: StrOrPromise


@dataclasses.dataclass(frozen=True)
class StatementLine:
    url: str
    visible: bool
    text: str


def kind_label(contribution: Contribution) -> StrOrPromise:
    if contribution.kind:
        return Contribution.Kind(contribution.kind).label
    return _("Reply")


def lines_of(recommendation: Recommendation) -> tuple[list[ContributionLine], list[StatementLine]]:
    """What the page lists, from the prefetched links: no text of what is no longer public."""
    contributions = [
        ContributionLine(
            url=contribution.get_absolute_url(),
            kind=kind_label(contribution),
            visible=contribution.is_visible,
            deleted=contribution.is_deleted,
            excerpt=plain_excerpt(contribution.text) if contribution.is_visible else "",
            author=(
                contribution.author.public_name
                if contribution.author is not None
                else _("a former participant")
            ),
        )
        for contribution in recommendation.contributions.all()
    ]
    statements = [
        StatementLine(
            url=statement_url(statement),
            visible=statement.status == StatementStatus.ACCEPTED,
            text=statement.text if statement.status == StatementStatus.ACCEPTED else "",
        )
        for statement in recommendation.statements.all()
    ]
    return contributions, statements

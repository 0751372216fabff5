"""Bad input never gives a server error: every form refuses hostile values with a message.

An outside probe posted 998 fuzzed requests and got 18 server errors (ids beyond the
database's integers, a capacity of 2^63, the year 1, a 100,000-character e-mail, 60,000-
character admin searches). These tests send such values (tests/hostile_values.py) to every
field of every form of the project, first to the form itself (tests/hostile_forms.py), then
through the pages, as the people who may use them (tests/hostile_pages.py). CI runs them on
SQLite and on PostgreSQL: the databases refuse different things.
"""

import re
from copy import deepcopy
from urllib.parse import parse_qs, urlencode

import pytest
from django import forms
from django.contrib import admin
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test import Client
from django.test.client import encode_file
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from ateliers.core.admin_site import SEARCH_MAX_LENGTH

from .city import City, build_city
from .hostile_forms import FORM_USES, FormUse, project_form_classes
from .hostile_pages import FORM_PAGES, NO_FORM_DATA, NOT_ON_A_PAGE_ITSELF, FormPage
from .hostile_values import LONG, kind_of, may_vanish, values_for

pytestmark = pytest.mark.django_db


# Each form, one field at a time ---------------------------------------------------------


def test_every_form_class_says_how_to_build_it():
    found = project_form_classes()
    assert found, "no form class found: the search for them is broken"
    missing = sorted(f"{cls.__module__}.{cls.__qualname__}" for cls in found - FORM_USES.keys())
    assert not missing, (
        "form classes missing from FORM_USES in tests/hostile_forms.py (add how to build "
        "them and answers they take as valid, so that their fields get hostile values): "
        + ", ".join(missing)
    )


def bind(form_class, use: FormUse, city: City, **changes) -> forms.Form:
    return form_class({**use.data(city), **changes}, **use.kwargs(city))


def hostile_answers(form: forms.Form, name: str, value: str, base: dict):
    """The value as the field's widget reads it: several choices are a list."""
    if isinstance(form.fields[name], forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return [*base.get(name, []), value]
    return value


def check_form(form_class, use: FormUse, city: City) -> list[str]:
    """Bind the form once per field and hostile value; describe each value not refused."""
    base = bind(form_class, use, city)
    assert base.is_valid(), f"{use.name}: the valid answers are refused: {base.errors.as_data()}"
    problems = []
    for name, field_ in base.fields.items():
        kind = kind_of(field_)
        for label, value in values_for(kind).items():
            answers = hostile_answers(base, name, value, use.data(city))
            form = bind(form_class, use, city, **{name: answers})
            where = f"{use.name}: {name} = {label}"
            try:
                valid = form.is_valid()
            except Exception as error:  # noqa: BLE001 - what the test is looking for
                problems.append(f"{where}: raised {type(error).__name__}: {str(error)[:200]}")
                continue
            if valid and may_vanish(kind, label, required=field_.required):
                if form.cleaned_data[name] not in field_.empty_values:
                    problems.append(f"{where}: kept as {form.cleaned_data[name]!r:.60}")
            elif valid:
                problems.append(f"{where}: accepted as {form.cleaned_data.get(name)!r:.60}")
            elif not form.errors:
                problems.append(f"{where}: refused without saying why")
    return problems


@pytest.mark.parametrize("form_class", FORM_USES, ids=lambda cls: cls.__name__)
def test_every_field_refuses_hostile_values(form_class):
    city = build_city()
    problems = [
        problem for use in FORM_USES[form_class] for problem in check_form(form_class, use, city)
    ]
    assert not problems, f"{len(problems)} hostile value(s) not refused:\n" + "\n".join(problems)


# Through the pages ------------------------------------------------------------------------


# Sessions change on their own (a message kept for the next page, a key cycled on login).
NOT_ANSWERS = ("django_session",)


def writes(queries: list[dict]) -> list[str]:
    """The statements among `queries` that change a table other than the sessions'."""
    # A statement the database refused is recorded without its SQL.
    statements = [query["sql"] for query in queries if query["sql"]]
    return [
        " ".join(sql.split()[:3])
        for sql in statements
        if sql.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}
        and not any(table in sql for table in NOT_ANSWERS)
    ]


# Not the test client's own boundary: it would encode the body again as a dict.
BOUNDARY = "HostileInputBoundary"


def _multipart(answers: dict) -> bytes:
    """A form with a file, as a browser sends it: the file from its start each time, the
    text as UTF-8 bytes (a lone surrogate as a broken client would send it)."""
    lines: list[bytes] = []
    for name, value in answers.items():
        if hasattr(value, "read"):
            value.seek(0)
            lines += encode_file(BOUNDARY, name, value)
            continue
        lines += [
            f"--{BOUNDARY}".encode(),
            f'Content-Disposition: form-data; name="{name}"'.encode(),
            b"",
            str(value).encode("utf-8", "surrogatepass"),
        ]
    return b"\r\n".join([*lines, f"--{BOUNDARY}--".encode(), b""])


def send(client: Client, page: FormPage, path: str, answers: dict):
    """The answers as a browser encodes them; a lone surrogate goes as the bytes a broken
    client would send, \\xed\\xa0\\x80."""
    if any(hasattr(value, "read") for value in answers.values()):
        return client.post(
            path, _multipart(answers), content_type=f"multipart/form-data; boundary={BOUNDARY}"
        )
    body = urlencode(answers, doseq=True, errors="surrogatepass")
    if page.method == "get":
        return client.get(f"{path}?{body}")
    return client.post(path, body, content_type="application/x-www-form-urlencoded")


def hostile_posts(fields_: dict[str, tuple[str, bool]], base: dict):
    """(what, [(field, kind, required, value)]): each hostile value, in every field that
    takes one of its kind at once. One post per value keeps a page's hundreds of checks to
    a few dozen requests; each field alone had its values in test_every_field_refuses…"""
    by_label: dict[str, list] = {}
    for name, (kind, required) in fields_.items():
        for label, value in values_for(kind).items():
            by_label.setdefault(label, []).append((name, kind, required, value))
    return by_label.items()


def post_hostile_values(page: FormPage, city: City) -> list[str]:
    client = Client()
    if page.who is not None:
        client.force_login(getattr(city, page.who))
    logged_in = deepcopy(client.cookies)
    path, base = page.path(city), page.answers(city)
    problems = []

    def attempt(answers: dict, describe: str) -> tuple[int | None, list[str]]:
        """Send once, in a transaction rolled back after: each attempt starts from the city,
        logged in as at first (a password change cycles the session's key)."""
        cache.clear()  # the rate limits would soon answer 429 instead of the form
        client.cookies = deepcopy(logged_in)
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            try:
                status = send(client, page, path, answers).status_code
            except Exception as error:  # noqa: BLE001 - a server error, reported as such
                problems.append(f"{describe}: raised {type(error).__name__}: {str(error)[:200]}")
                status = None
            transaction.set_rollback(True)
        return status, writes(queries.captured_queries)

    status, _written = attempt(base, f"{page.name}: the valid answers")
    if status is not None and status != page.valid_status:
        problems.append(f"{page.name}: the valid answers got {status}, not {page.valid_status}")
    for label, sent in hostile_posts(page.fields(city), base):
        answers, refused = dict(base), False
        for name, kind, required, value in sent:
            answers[name] = [*base[name], value] if isinstance(base.get(name), list) else value
            refused = refused or not may_vanish(kind, label, required=required)
        describe = f"{page.name}: {label} in {', '.join(name for name, *_ in sent)}"
        status, written = attempt(answers, describe)
        if status is None or not refused:
            continue
        if status != page.refused_status:
            problems.append(f"{describe} got {status}, not {page.refused_status}")
        if written:
            problems.append(f"{describe} was refused but wrote: {'; '.join(written[:3])}")
    return problems


@pytest.fixture
def fast_client(monkeypatch):
    """The test client without its record of every template rendered with a copy of its
    context: hundreds of posts render the same forms, and nothing here reads that record."""
    monkeypatch.setattr("django.test.client.store_rendered_templates", lambda *a, **k: None)


@pytest.mark.usefixtures("fast_client")
@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda page: page.name)
def test_pages_refuse_hostile_values_without_error(page):
    city = build_city()
    problems = post_hostile_values(page, city)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def ateliers_urls() -> list[tuple[str, str]]:
    """(view name, address with made-up arguments) of every URL pattern whose view is the
    project's, outside the admin (tested below)."""
    found = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    space = ":".join(filter(None, [namespace, pattern.namespace]))
                    walk(pattern, prefix + str(pattern.pattern), space)
                continue
            assert isinstance(pattern, URLPattern)
            if pattern.callback.__module__.startswith("ateliers."):
                route = prefix + str(pattern.pattern)
                address = "/" + re.sub(r"<int:\w+>", "1", re.sub(r"<slug:\w+>", "x", route))
                found.append((":".join(filter(None, [namespace, pattern.name])), address))

    walk(get_resolver(), "", "")
    return found


def test_every_page_taking_answers_gets_hostile_values(client):
    """A new page that takes a POST must join FORM_PAGES, or NO_FORM_DATA if it takes no
    field; a new form class must be on one of FORM_PAGES."""
    city = build_city()
    # Every view says which methods it takes before anything else: a visitor's empty POST
    # gets 405 from those that take none.
    taking_posts = {
        name for name, address in ateliers_urls() if client.post(address).status_code != 405
    }
    assert "workshops:create" in taking_posts, "the search for pages taking a POST is broken"
    posted = {resolve(page.path(city)).view_name for page in FORM_PAGES if page.method == "post"}
    assert taking_posts - posted - NO_FORM_DATA == set(), (
        "pages taking a POST that no hostile value reaches (add them to FORM_PAGES, or to "
        "NO_FORM_DATA if their POST carries no field)"
    )
    assert NO_FORM_DATA <= taking_posts, "NO_FORM_DATA lists pages that take no POST"
    on_pages = {page.form for page in FORM_PAGES}
    assert set(FORM_USES) - on_pages - NOT_ON_A_PAGE_ITSELF == set(), "forms on no page"


# The admin -----------------------------------------------------------------------------


def test_long_admin_searches_are_cut(client):
    """Every list of the admin that has a search box, with 60,000 characters or a NUL."""
    city = build_city()
    client.force_login(city.superuser)
    searchable = [
        model for model, model_admin in admin.site._registry.items() if model_admin.search_fields
    ]
    assert searchable, "no admin list has a search box"
    problems = []
    for model in searchable:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for label, search in {"60,000 characters": LONG[:60_000], "a NUL byte": "a\x00b"}.items():
            response = client.get(url, {"q": search}, follow=True)
            searched = parse_qs(response.request["QUERY_STRING"]).get("q", [""])
            if response.status_code != 200:
                problems.append(f"{url} with {label}: {response.status_code}")
            elif len(searched[0]) > SEARCH_MAX_LENGTH:
                problems.append(f"{url} with {label}: searched {len(searched[0])} characters")
    assert not problems, "\n".join(problems)


# Names a person may type in the admin's forms.
NAME_FIELDS = {"name", "title", "display_name", "association_name"}


def test_names_typed_in_the_admin_follow_the_site_rules(rf):
    """The admin's editable forms of the project's models clean names as the site's forms do
    (fields.NameField)."""
    city = build_city()
    request = rf.get("/admin/")
    request.user = city.superuser
    checked, problems = [], []
    for model, model_admin in admin.site._registry.items():
        row = model.objects.first()
        ours = model._meta.app_config.name.startswith("ateliers.")
        if not ours or not model_admin.has_change_permission(request, row):
            continue
        form_fields = model_admin.get_form(request, row).base_fields
        for name in sorted(NAME_FIELDS & form_fields.keys()):
            checked.append(f"{model._meta.label}.{name}")
            for label, value in values_for("name").items():
                try:
                    cleaned = form_fields[name].clean(value)
                except ValidationError:
                    continue
                problems.append(f"{model._meta.label}.{name} = {label}: kept as {cleaned!r:.60}")
    assert {"core.User.display_name", "core.Neighbourhood.name"} <= set(checked), checked
    assert not problems, "\n".join(problems)

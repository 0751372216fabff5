"""Polis exchange: a conversation exported in Polis's format, imported into a workshop, and
exported again gives the same votes; a real Polis export imported gives Polis's groups."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from sklearn.metrics import adjusted_rand_score

from ateliers.opinions import exchange, services
from ateliers.opinions.models import Conversation, MapSnapshot, Statement, Vote
from ateliers.opinions.polis_import import read_polis_export
from tests.factories import UserFactory, WorkshopFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

DATA = Path(__file__).parent / "data"


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def votes_of(files: dict) -> list:
    """(comment-id, voter-id, vote) of votes.csv, without the times."""
    return sorted(tuple(row[2:5]) for row in rows(files["votes.csv"])[1:])


def test_export_then_import_then_export_gives_the_same_votes(tmp_path, debate):
    workshop, facilitator, _participant = debate
    conversation = services.conversation_open(
        workshop=workshop,
        by=facilitator,
        question="Quelle rue scolaire ?",
        review="after",
        seeds=["Des arbres.", "-10 % de voitures.", "Des bancs."],
    )
    statements = list(conversation.statements.order_by("position"))
    for index, person in enumerate(UserFactory.create_batch(9)):
        for number, statement in enumerate(statements):
            services.vote_cast(
                conversation=conversation,
                statement_id=statement.pk,
                user=person,
                value=(index + number) % 3 - 1,
            )
        # a changed vote: the last one counts
        services.vote_cast(
            conversation=conversation, statement_id=statements[0].pk, user=person, value=1
        )
    services.statement_moderate(
        statement=statements[2], by=facilitator, decision="reject", reason="Doublon."
    )
    first = exchange.export_polis(conversation)
    exchange.write_polis(conversation, tmp_path)

    call_command(
        "opinions_import", str(tmp_path), "--workshop", workshop.slug, stdout=io.StringIO()
    )
    imported = Conversation.objects.get(imported=True)
    second = exchange.export_polis(imported)

    assert votes_of(first) == votes_of(second)
    assert len(votes_of(first)) == 27
    assert [r[2:] for r in rows(first["comments.csv"])] == [
        r[2:] for r in rows(second["comments.csv"])
    ]
    assert "-10 % de voitures." in first["comments.csv"].replace("'-10", "-10")
    assert Statement.objects.get(conversation=imported, position=2).text == "-10 % de voitures."
    assert Statement.objects.get(conversation=imported, position=3).status == "rejected"
    header = rows(second["participants-votes.csv"])[0]
    assert header[:6] == [
        "participant",
        "group-id",
        "n-comments",
        "n-votes",
        "n-agree",
        "n-disagree",
    ]


def test_a_real_polis_export_imported_gives_polis_groups(debate):
    folder = DATA / "scoop-hivemind.biodiversity"
    out = io.StringIO()
    call_command("opinions_import", str(folder), "--workshop", debate[0].slug, stdout=out)
    conversation = Conversation.objects.get()
    polis = read_polis_export(folder)
    assert conversation.statements.count() == len(polis.statement_ids)
    assert conversation.imported and "2 opinion groups" in out.getvalue()
    snapshot = MapSnapshot.objects.get()
    groups = dict(zip(*snapshot.state["group_of"], strict=True))
    number = dict(conversation.voters.values_list("pk", "number"))
    ours = {number[pk]: group for pk, group in groups.items()}
    both = [p for p, g in polis.polis_group.items() if g is not None and p in ours]
    ari = adjusted_rand_score([polis.polis_group[p] for p in both], [ours[p] for p in both])
    assert ari >= 0.9
    assert Vote.objects.filter(conversation=conversation).count() == snapshot.n_votes + sum(
        1 for _ in Vote.objects.filter(conversation=conversation, statement__status="rejected")
    )


def test_an_unreadable_export_is_refused_with_the_file_named(tmp_path):
    workshop = WorkshopFactory()
    (tmp_path / "comments.csv").write_text("nothing,useful\n1,2\n")
    with pytest.raises(CommandError, match="comments.csv"):
        call_command("opinions_import", str(tmp_path), "--workshop", workshop.slug)
    with pytest.raises(CommandError, match="No workshop"):
        call_command("opinions_import", str(tmp_path), "--workshop", "nope")
    assert not Conversation.objects.exists()


def test_the_export_command_writes_the_three_files(tmp_path, debate):
    workshop, facilitator, _ = debate
    conversation = services.conversation_open(
        workshop=workshop, by=facilitator, question="Q ?", review="before", seeds=["Un."]
    )
    call_command("opinions_export", str(conversation.pk), str(tmp_path), stdout=io.StringIO())
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "comments.csv",
        "participants-votes.csv",
        "votes.csv",
    ]


def zipped(folder: Path, *, inside: str = "export/", extra: dict | None = None) -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in folder.iterdir():
            archive.write(path, inside + path.name)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return packed.getvalue()


def upload(client, workshop, content: bytes, name="scoop.zip", question=""):
    return client.post(
        reverse("opinions:import", args=[workshop.slug]),
        {"file": SimpleUploadedFile(name, content, "application/zip"), "question": question},
    )


def test_the_city_team_imports_a_polis_export_from_the_page_and_its_map_is_computed(
    client, debate, settings, django_capture_on_commit_callbacks
):
    settings.OPINION_MAP_RECOMPUTE_SECONDS = 0
    workshop = debate[0]
    client.force_login(UserFactory(role="city_staff"))
    folder = DATA / "scoop-hivemind.biodiversity"

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            client,
            workshop,
            # Another file and a path that tries to leave the folder are left aside.
            zipped(folder, extra={"../../evil.csv": "x", "notes.txt": "bonjour"}),
            question="Biodiversité en Nouvelle-Zélande",
        )

    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("opinions:results", args=[conversation.pk])
    assert conversation.question == "Biodiversité en Nouvelle-Zélande" and conversation.imported
    assert conversation.statements.count() == len(read_polis_export(folder).statement_ids)
    assert MapSnapshot.objects.get(conversation=conversation).n_groups == 2
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", None],
    ids=["not a zip", "a zip without comments.csv"],
)
def test_an_upload_that_is_not_a_polis_export_is_refused_and_nothing_is_written(
    client, debate, content
):
    if content is None:
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w") as archive:
            archive.writestr("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n")
        content = packed.getvalue()
    client.force_login(UserFactory(role="city_staff"))

    response = upload(client, debate[0], content)

    assert response.status_code == 200
    assert "This file is not a .zip of a Polis export" in response.content.decode()
    assert not Conversation.objects.exists()


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(client, debate, monkeypatch):
    monkeypatch.setattr(exchange, "MAX_UNPACKED_BYTES", 10_000)
    client.force_login(UserFactory(role="city_staff"))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("comments.csv", "0" * 20_000)  # a few bytes packed, 20 KB unpacked

    response = upload(client, debate[0], packed.getvalue())

    assert "Unpacked, this export is larger than" in response.content.decode()
    assert not Conversation.objects.exists()


@pytest.mark.parametrize("role", ["facilitator", "participant", "resident", "anonymous"])
def test_only_the_city_team_imports(client, debate, role):
    from tests.roles import assert_refused, log_in

    log_in(client, role, workshops=[debate[0]])

    response = upload(client, debate[0], zipped(DATA / "scoop-hivemind.biodiversity"))

    assert_refused(response, role)
    assert not Conversation.objects.exists()

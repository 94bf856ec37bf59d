"""Foreign names transcribed into Arabic: a detector, and a back-transliterator to their source spelling.

Arabic news writes European, Latin-American and Asian names in Arabic letters (ليندغرين Lindgren, رونالدو Ronaldo);
romanised with the Arabic rules they come out with Arabic vowel guesses (Lindaghrin). Both models here are learned,
when first used, from public lists of name pairs (`models/latin/foreign_pairs.tsv` and the foreign name tables)
and of Arabic names (the given- and family-name tables and the Arabic name parts that `arabic-name-romanizer`
attests):

- `ForeignDetector`: naive Bayes over the letter n-grams of a word (with its edges), foreign names against Arabic
  ones, plus the letters Arabic names never use (پ چ ڤ گ);
- `ForeignSpeller`: each training pair aligned letter by letter within `foreign_letters.tsv` (the Latin letters an
  Arabic letter may stand for, and the unwritten vowels after it); then a word is spelled letter by letter with the
  choice seen most often in the same context (previous and next Arabic letter, backing off to less context).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.link.latin_tables import LATIN_DIR, key, strip_article
from marsad.resources import MODELS_DIR, column, fields

PAIRS_PATH = LATIN_DIR / "foreign_pairs.tsv"
LETTERS_PATH = LATIN_DIR / "foreign_letters.tsv"
FOREIGN_TABLES = ("foreign_pairs", "foreign_names", "foreign_surnames")
ENGLISH_TABLE = "english_words"  # listed spellings only: English words would teach the model to spell names as words
ARABIC_TABLES = ("given_names", "family_names", "maghrebi_names")
LETTER_MODEL_TABLES = ("people", "places", "cldr", "foreign_names", "foreign_surnames")
LEXICON_PATH = MODELS_DIR / "link" / "latin_names.tsv"  # a broad list of Latin first and last names (Faker's)
NONE = "-"
VOWELS = "aeiouyh"  # unwritten after a letter: short vowels, and the h of John and Thomas
MAX_INSERTED = 2  # unwritten letters after one Arabic letter (Petersen: t-e, r-, s-e)
FINAL_TAIL = re.compile(r"[aeiouyh]{0,2}[dtsxpe]{0,2}")  # ...and at the end, silent letters (Kohl, Giroud, Kane)
EDGE_START, EDGE_END = "^", "$"
NGRAM = 3
_LATIN = re.compile(r"^[a-z]+$")
READABLE = re.compile(r"^(?=.*[aeiouy])(?!.*[^aeiouy]{4})")  # a vowel, and no four consonants in a row


def plain_latin(text: str) -> str:
    """Lower-case ASCII letters of a Latin spelling (accents off: Müller -> muller)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


@lru_cache(maxsize=1)
def _letters() -> dict[str, tuple[str, ...]]:
    """Arabic letter (matching form) -> the Latin letters it may stand for, `""` for none (read once)."""
    return {k: tuple("" if c == NONE else c for c in choices.split()) for k, choices in fields(LETTERS_PATH)}


Chunk = tuple[str, str]  # (Latin for the letter, unwritten vowels after it)


def _inserted(latin: str, j: int, last: bool) -> Iterable[str]:
    """The unwritten letters that may follow at `j`: after the word's last letter all the rest when it is a silent
    ending, else none, one or two vowels."""
    if last:
        if FINAL_TAIL.fullmatch(latin[j:]):
            yield latin[j:]
        return
    yield ""
    for n in range(1, MAX_INSERTED + 1):
        piece = latin[j:j + n]
        if len(piece) < n or any(ch not in VOWELS for ch in piece):
            return
        yield piece


def align(arabic: str, latin: str, choices: dict[str, tuple[str, ...]],
          cost: dict[tuple[str, str], float] | None = None) -> list[Chunk] | None:
    """The cheapest reading of `latin` as one chunk per letter of `arabic` (matching form), None when the letters
    cannot spell it. Without `cost`, a choice costs its rank and an unwritten vowel one; with it, -log of its
    learned frequency."""
    n = len(arabic)
    states: dict[int, tuple[float, tuple[Chunk, ...]]] = {0: (0.0, ())}  # Latin letters read -> best so far
    for i in range(n):
        options = choices.get(arabic[i])
        if options is None:
            return None
        grown: dict[int, tuple[float, tuple[Chunk, ...]]] = {}
        for j, (so_far, path) in states.items():
            for rank, seg in enumerate(options):
                if not latin.startswith(seg, j):
                    continue
                for vowels in _inserted(latin, j + len(seg), i == n - 1):
                    step = cost.get((arabic[i], seg + "|" + vowels), 12.0) if cost is not None \
                        else rank * 0.1 + len(vowels) + (0.3 if not seg else 0.0)
                    at = j + len(seg) + len(vowels)
                    if at not in grown or so_far + step < grown[at][0]:
                        grown[at] = (so_far + step, (*path, (seg, vowels)))
        states = grown
    found = states.get(len(latin))
    return list(found[1]) if found else None


def _contexts(arabic: str, i: int) -> tuple[tuple[str, ...], ...]:
    """The contexts of letter `i`, most specific first: both neighbours, the next, the previous, none."""
    prev = arabic[i - 1] if i else EDGE_START
    nxt = arabic[i + 1] if i + 1 < len(arabic) else EDGE_END
    c = arabic[i]
    return (prev, c, nxt), ("", c, nxt), (prev, c, ""), ("", c, "")


SEAT, SEATED = "ا", ("و", "ي")  # an alef, and the long vowels it may seat


def seat(arabic: str) -> bool:
    """Whether a word (matching form) starts with an alef that only seats its first vowel, written by the long vowel
    after it, silent then (أولاف Olaf, إيدن Eden, أوليغ Oleg: not Aulav, Aiden, Aolig); not when a vowel letter
    follows that one, which is then a consonant, the alef the vowel (أيالا Ayala, أوين Owen)."""
    return arabic[:1] == SEAT and arabic[1:2] in SEATED and arabic[2:3] not in (SEAT, *SEATED)


CONTEXT_WEIGHTS = (4.0, 2.0, 1.5, 1.0)
SPARSE = 3  # a context seen n times speaks with n / (n + SPARSE) of its weight


@dataclass
class LatinLetters:
    """A letter trigram model of Latin name spellings (interpolated with bigrams and letters), so that a spelling
    reads as names do (Muller, not Mulr)."""

    counts: Counter[str]
    _gains: dict[tuple[str, str], float] = field(default_factory=dict, repr=False, compare=False)
    _chunk_gains: dict[tuple[str, str], float] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def learn(cls, words: Iterable[str]) -> LatinLetters:
        counts: Counter[str] = Counter()
        for w in words:
            text = EDGE_START * 2 + w + EDGE_END
            for i in range(2, len(text)):
                counts.update((text[i - 2:i + 1], text[i - 1:i + 1], text[i], text[i - 2:i], text[i - 1], ""))
        return cls(counts)

    def gain(self, history: str, letter: str) -> float:
        """How much likelier `letter` is after `history` than alone (log ratio), so that a spelling is not favoured
        for being short; kept per last two letters of history, all it depends on."""
        key = (history[-2:], letter)
        found = self._gains.get(key)
        if found is None:
            c = self.counts
            found = self._gains[key] = self.log_p(history, letter) - math.log((c[letter] + 1) / (c[""] + 27))
        return found

    def chunk_gain(self, text: str, chunk: str) -> float:
        """The `gain` of each letter of `chunk` written after `text`, summed; kept per last two letters of the
        text (with the start marks before it), all it depends on."""
        start = (EDGE_START * 2 + text)[-2:]
        found = self._chunk_gains.get((start, chunk))
        if found is None:
            found, history = 0.0, start
            for letter in chunk:
                found += self.gain(history, letter)
                history += letter
            self._chunk_gains[(start, chunk)] = found
        return found

    def log_p(self, history: str, letter: str) -> float:
        """log P(letter | the two letters before it)."""
        c = self.counts
        h2, h1 = history[-2:], history[-1:]
        p3 = c[h2 + letter] / c[h2] if c[h2] else 0.0
        p2 = c[h1 + letter] / c[h1] if c[h1] else 0.0
        p1 = c[letter] / c[""] if c[""] else 0.0
        return math.log(0.6 * p3 + 0.3 * p2 + 0.09 * p1 + 0.01 / 27)


BEAM = 8
EGYPTIAN_G, G = "ج", "غ"  # Egyptian print writes the foreign g with ج (جارسيا Garcia), which the pairs mostly read as j
LEXICON_BEAM = 16  # the search kept to the lexicon's names: wider, since a name's start may score low (p for ب)
LEXICON_MARGIN = 2.5  # how much worse (log) a spelling the lexicon lists may score and still win over the best
UNSEEN = 0.01  # the probability of a letter choice the pairs never showed in its context
LOG_UNSEEN = math.log(UNSEEN)
RULES_MARGIN = 1.0  # how much worse (log) the rules' spelling may score and still be kept
CHOICES_PER_LETTER = 6
LETTERS_WEIGHT = 1.0  # the weight of the Latin letter model against the chunk model
MAX_REMEMBERED_TAILS = 200_000  # lexicon chunks kept per (prefix, letter): ~25 MB at 92,000 (4,000 articles' names)


@dataclass
class ForeignSpeller:
    """Spells a transcribed foreign word letter by letter: the chunks seen in each letter's context, weighed with how
    Latin names read (`LatinLetters`), the best few spellings kept at each step (beam search)."""

    counts: dict[tuple[str, ...], Counter[Chunk]]
    letters: LatinLetters
    known: dict[str, str]  # the training words themselves, spelled as listed
    aligned: int
    refused: int
    lexicon: frozenset[str] = frozenset()  # Latin names as people are named (`plain_latin`): Gomez, Morel
    _prefixes: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # prefix -> next letters
    _searched: dict[str, tuple[tuple[float, str] | None, str | None]] = field(
        default_factory=dict, repr=False, compare=False)
    _choices: dict[tuple[tuple[str, ...], bool], list[tuple[str, float]]] = field(
        default_factory=dict, repr=False, compare=False)  # (a letter's contexts, first?) -> its `choices`
    _tails: dict[tuple[bool, tuple[str, ...], str], list[tuple[str, float]]] = field(
        default_factory=dict, repr=False, compare=False)  # (last?, a letter's choices, prefix) -> `_lexicon_chunks`

    @classmethod
    def learn(cls, pairs: Iterable[tuple[str, str]], latin_words: Iterable[str] = (),
              listed: Iterable[tuple[str, str]] = (), lexicon: Iterable[str] = ()) -> ForeignSpeller:
        """Align the pairs (two passes: by rank, then by the first pass's frequencies) and count the chunks; the
        letter model reads the pairs' Latin and `latin_words` (more Latin names); `listed` pairs are only
        spelled as listed, like the pairs themselves; `lexicon` holds names a spelling may be (`spell`)."""
        choices = _letters()
        pairs = list(pairs)
        words = [(key(a), plain_latin(b)) for a, b in pairs]
        words = [(a, b) for a, b in words if a and b and " " not in a and _LATIN.match(b)]
        first = [(a, align(a, b, choices)) for a, b in words]
        seen: Counter[tuple[str, str]] = Counter()
        per_letter: Counter[str] = Counter()
        for a, chunks in first:
            for letter, (seg, vowels) in zip(a, chunks or [], strict=False):
                seen[(letter, seg + "|" + vowels)] += 1
                per_letter[letter] += 1
        cost = {k: -math.log((v + 0.5) / (per_letter[k[0]] + 1.0)) for k, v in seen.items()}
        counts: dict[tuple[str, ...], Counter[Chunk]] = defaultdict(Counter)
        aligned = 0
        for a, b in words:
            chunks = align(a, b, choices, cost)
            if chunks is None:
                continue
            aligned += 1
            for i, chunk in enumerate(chunks):
                for context in _contexts(a, i):
                    counts[context][chunk] += 1
        listed = {**{key(a): b.strip() for a, b in listed}, **{key(a): b.strip() for a, b in pairs}}
        letters = LatinLetters.learn([b for _, b in words] + [plain_latin(w) for w in latin_words])
        return cls(dict(counts), letters, listed, aligned, len(words) - aligned, frozenset(map(plain_latin, lexicon)))

    def choices(self, arabic: str, i: int) -> list[tuple[str, float]]:
        """The likeliest Latin chunks for letter `i` with their log-probabilities (the contexts' shares mixed);
        worked out once per context."""
        contexts = _contexts(arabic, i)
        sounded = i == 0 and not seat(arabic)
        found = self._choices.get((contexts[0], sounded))
        if found is None:
            found = self._choices[(contexts[0], sounded)] = self._mixed(contexts, sounded)
        return found

    def _mixed(self, contexts: tuple[tuple[str, ...], ...], sounded: bool) -> list[tuple[str, float]]:
        """`choices` of a letter in its `contexts` (most specific first); none silent when it must be `sounded` (a
        word's first letter but a `seat`)."""
        score: Counter[Chunk] = Counter()
        for weight, context in zip(CONTEXT_WEIGHTS, contexts, strict=True):
            seen = self.counts.get(context)
            if seen:
                total = sum(seen.values())
                for chunk, n in seen.items():
                    score[chunk] += weight * n / (total + SPARSE)
        if not score:
            return [((_letters().get(contexts[0][1]) or ("",))[0], 0.0)]
        if sounded:
            score = Counter({chunk: v for chunk, v in score.items() if chunk[0]}) or score
        total = sum(score.values())
        return [(seg + vowels, math.log(v / total)) for (seg, vowels), v in score.most_common(CHOICES_PER_LETTER)]

    def _forced(self, arabic: str, i: int, learned: list[tuple[str, float]], done: str,
                target: str) -> list[tuple[str, float]]:
        """The chunks for letter `i` that keep spelling `target` after `done`: the `learned` ones (`choices`), and
        the other choices of `foreign_letters.tsv` at the floor probability."""
        found = {chunk: log_p for chunk, log_p in learned if target.startswith(done + chunk)}
        for seg in _letters().get(arabic[i], ()):
            if target.startswith(done + seg):
                for vowels in _inserted(target, len(done) + len(seg), i == len(arabic) - 1):
                    found.setdefault(seg + vowels, LOG_UNSEEN)
        return list(found.items())

    def _search(self, arabic: str, target: str | None = None) -> tuple[float, str] | None:
        """The best spelling by beam search (chunk model + letter model), or the score of `target` when given
        (None when the letters cannot spell it)."""
        ended = self._beam(arabic, target)
        return max(ended) if ended else None

    def _beam(self, arabic: str, target: str | None = None) -> list[tuple[float, str]]:
        """The spellings the beam search ends with and their scores (only `target` when given)."""
        beam: list[tuple[float, str]] = [(0.0, "")]
        for i in range(len(arabic)):
            grown: list[tuple[float, str]] = []
            learned = self.choices(arabic, i)  # the same for every spelling in the beam
            for score, text in beam:
                options = learned if target is None else self._forced(arabic, i, learned, text, target)
                for chunk, log_p in options:
                    lm = self.letters.chunk_gain(text, chunk)
                    grown.append((score + log_p + LETTERS_WEIGHT * lm, text + chunk))
            beam = sorted(grown, reverse=True)[:BEAM]
        return [(score + LETTERS_WEIGHT * self.letters.gain(EDGE_START * 2 + text, EDGE_END), text)
                for score, text in beam if target is None or text == target]

    def next_letters(self, prefix: str) -> str | None:
        """The letters that follow `prefix` in some name of the lexicon (`$` after a whole name), None when no name
        starts so; the lexicon's prefixes are read once."""
        if not self._prefixes and self.lexicon:
            grown: defaultdict[str, set[str]] = defaultdict(set)
            for name in self.lexicon:
                for i in range(len(name) + 1):
                    grown[name[:i]].add(name[i] if i < len(name) else EDGE_END)
            self._prefixes.update((k, "".join(sorted(v))) for k, v in grown.items())
        return self._prefixes.get(prefix)

    def _lexicon_chunks(self, last: bool, segs: tuple[str, ...], text: str) -> list[tuple[str, float]]:
        """The chunks for a letter after `text` that keep it the start of a lexicon name (the whole name after the
        `last` letter): each of its choices `segs` and the unwritten vowels the lexicon's names go on with, with
        their letter-model gain after `text`; worked out once per prefix and letter."""
        found = self._tails.get((last, segs, text))
        if found is None:
            if len(self._tails) >= MAX_REMEMBERED_TAILS:
                self._tails.clear()
            found = self._tails[(last, segs, text)] = [(chunk, self.letters.chunk_gain(text, chunk))
                                                       for chunk in self._chunks_on(last, segs, text)]
        return found

    def _chunks_on(self, last: bool, segs: Iterable[str], text: str) -> Iterator[str]:
        """The chunks of `_lexicon_chunks`, whatever their probabilities."""
        for seg in segs:
            if self.next_letters(text + seg) is None or not text and not seg:
                continue
            tails, frontier = [""], [""]
            for _ in range(4 if last else MAX_INSERTED):
                frontier = [t + ch for t in frontier for ch in self.next_letters(text + seg + t) or ""
                            if ch in (VOWELS + "dtsxpe" if last else VOWELS)]
                tails += frontier
            for tail in tails:
                if last and (not FINAL_TAIL.fullmatch(tail) or EDGE_END not in self.next_letters(text + seg + tail)):
                    continue
                yield seg + tail

    def _lexicon_beam(self, arabic: str, g_read: bool = False) -> list[tuple[float, str]]:
        """The names of the lexicon the letters may spell, best first by the same scores as `_beam` (a choice the
        pairs never showed in its context at `UNSEEN`): the search kept to the lexicon's prefixes. `g_read` reads ج
        as the foreign g only, scored as غ is (Egyptian print: جارسيا Garcia)."""
        letters = _letters()
        read = arabic.replace(EGYPTIAN_G, G) if g_read else arabic
        beam: list[tuple[float, str]] = [(0.0, "")]
        for i in range(len(arabic)):
            learned = dict(self.choices(read, i))
            segs = tuple(s for s in letters.get(arabic[i], ()) if read[i] == arabic[i] or s in letters[read[i]])
            grown: dict[str, float] = {}
            for score, text in beam:
                for chunk, lm in self._lexicon_chunks(i == len(arabic) - 1, segs, text):
                    total = score + learned.get(chunk, LOG_UNSEEN) + LETTERS_WEIGHT * lm
                    if total > grown.get(text + chunk, -math.inf):
                        grown[text + chunk] = total
            beam = sorted(((score, text) for text, score in grown.items()), reverse=True)[:LEXICON_BEAM]
        return sorted(((score + LETTERS_WEIGHT * self.letters.gain(EDGE_START * 2 + text, EDGE_END), text)
                       for score, text in beam), reverse=True)

    def searched(self, arabic: str) -> tuple[tuple[float, str] | None, str | None]:
        """The model's best spelling of a word (matching form) with its score, and the best name of the lexicon among
        the spellings the model ends with or the letters may spell (`_lexicon_beam`) within `LEXICON_MARGIN` of it
        and silencing no consonant; read once a word."""
        done = self._searched.get(arabic)
        if done is not None:
            return done
        ended = self._beam(arabic)
        found = max(ended) if ended else None
        searched: list[tuple[float, str]] = []
        if found and found[1] not in self.lexicon:
            searched = self._lexicon_beam(arabic)
            if EGYPTIAN_G in arabic:
                searched += self._lexicon_beam(arabic, g_read=True)
        named = [(score, text) for score, text in ended + searched if found and text in self.lexicon
                 and score >= found[0] - LEXICON_MARGIN and _consonants(text) >= _arabic_consonants(arabic)]
        done = self._searched[arabic] = found, max(named)[1] if named else None
        return done

    def spell(self, word: str, rules: str | None = None, person: bool = True) -> str:
        """The source spelling of a transcribed word, capitalised: as listed when it is a training word; else, for
        a `person`'s name, the best of the model's spellings that is a name of the lexicon, within `LEXICON_MARGIN`
        of the best and silencing no consonant (غوميز Gomez, not Gumez; هتلر is not Hler; a place is no person's
        name: باردو Bardo, not Pardo); else the model's best, unless `rules` (the rule-based spelling) scores as
        well under the model, within `RULES_MARGIN` (the rules are right more often when the model is unsure: Kirby,
        Shalom), or the model's best does not read as a word (`READABLE`)."""
        arabic = key(word)
        if arabic in self.known:
            return self.known[arabic]
        found, name = self.searched(arabic)
        if person and name:
            return name.capitalize()
        if found is None or not READABLE.search(found[1]):
            return rules or word
        if rules:
            theirs = self._search(arabic, plain_latin(rules))
            if theirs is not None and theirs[0] >= found[0] - RULES_MARGIN:
                return rules
        return found[1][:1].upper() + found[1][1:]


_LATIN_DIGRAPH = re.compile(r"([cgkpstz])h|([^aeiouy])\2")  # sh, th, ch ... and doubled letters: one sound


def _consonants(latin: str) -> int:
    """The consonant sounds of a plain Latin spelling (Schmidt: s-ch-m-d-t, a doubled letter once; x is k-s, two
    letters in Arabic: Alexis; an h that is no digraph's: Mourinho)."""
    return sum((ch == "x") + (ch not in VOWELS or ch == "h")
               for ch in _LATIN_DIGRAPH.sub(lambda m: m.group(1) or m.group(2), latin))


def _arabic_consonants(word_key: str) -> int:
    """The consonant letters of a word in matching form: those whose likeliest Latin (`foreign_letters.tsv`) is a
    consonant, not a vowel, h or nothing (ا و ي ع are not), and ه but at the end (مورينهو Mourinho, not Moreno; a final
    one is a vowel: ماريه Marie); تش is one, as in Czech names (Perisic)."""
    letters = _letters()
    word = word_key.replace("تش", "ت")
    return sum(ch == "ه" and i < len(word) - 1 or any(c not in VOWELS for c in (letters.get(ch) or ("",))[0])
               for i, ch in enumerate(word))


def ngrams(word_key: str) -> list[str]:
    """Letter n-grams (1 to 3) of a word with its edges marked."""
    text = EDGE_START + word_key + EDGE_END
    return [text[i:i + n] for n in range(1, NGRAM + 1) for i in range(len(text) - n + 1)]


@dataclass
class ForeignDetector:
    """Naive Bayes over letter n-grams: the log-odds that a word is a transcribed foreign name, not an Arabic one."""

    foreign: Counter[str]
    arabic: Counter[str]
    prior: float
    foreign_letters: frozenset[str]
    _denominators: tuple[float, float] = field(init=False, repr=False)  # each side's smoothed total, read once

    def __post_init__(self) -> None:
        vocab = len(self.foreign.keys() | self.arabic.keys())
        self._denominators = (self.foreign.total() + 0.5 * vocab, self.arabic.total() + 0.5 * vocab)

    @classmethod
    def learn(cls, foreign: Iterable[str], arabic: Iterable[str]) -> ForeignDetector:
        arabic = [w for w in arabic if w]
        fw = {strip_article(key(w)) for w in foreign if w}
        aw = {strip_article(key(w)) for w in arabic} - fw
        f_counts = Counter(g for w in fw for g in ngrams(w))
        a_counts = Counter(g for w in aw for g in ngrams(w))
        used = {ch for w in arabic for ch in w}
        letters = frozenset(letter for letter, _ in fields(LETTERS_PATH) if letter not in used)
        return cls(f_counts, a_counts, math.log(len(fw) / len(aw)), letters)

    def log_odds(self, word: str) -> float:
        """Positive when the word reads as foreign; the letters of no Arabic name make it certain."""
        if any(ch in self.foreign_letters for ch in word):  # as written: the matching form folds گ into ك
            return math.inf
        k = strip_article(key(word))
        f_total, a_total = self._denominators
        score = 0.0
        for g in ngrams(k):
            score += math.log((self.foreign[g] + 0.5) / f_total) - math.log((self.arabic[g] + 0.5) / a_total)
        return score / max(len(k), 1)


def _table_words(names: Iterable[str], column: int = 0, folder: Path = LATIN_DIR) -> list[str]:
    return [row[column] for name in names for row in fields(folder / f"{name}.tsv") if len(row) > column]


def latin_names(folder: Path = LATIN_DIR) -> list[str]:
    """The Latin words of the tables of people and places: how names in Latin letters read."""
    return [w for text in _table_words(LETTER_MODEL_TABLES, 1, folder) for w in text.split() if w.isalpha()]


def foreign_pairs(folder: Path = LATIN_DIR) -> list[tuple[str, str]]:
    """One-word Arabic -> Latin pairs of the foreign tables."""
    return [(row[0], row[1]) for name in FOREIGN_TABLES for row in fields(folder / f"{name}.tsv")
            if len(row) > 1 and " " not in row[0].strip() and " " not in row[1].strip()]


@lru_cache(maxsize=1)
def foreign_speller() -> ForeignSpeller:
    """The back-transliterator, learned once per process."""
    return ForeignSpeller.learn(foreign_pairs(), latin_names(), fields(LATIN_DIR / f"{ENGLISH_TABLE}.tsv"),
                                column(LEXICON_PATH))


@lru_cache(maxsize=1)
def foreign_detector(arabic_names: tuple[str, ...] = ()) -> ForeignDetector:
    """The detector, learned once per process from the foreign tables against the Arabic name tables and
    `arabic_names` (more Arabic name parts, such as the attested ones)."""
    foreign = [a for a, _ in foreign_pairs()]
    arabic = [w for text in _table_words(ARABIC_TABLES) for w in text.split()] + list(arabic_names)
    return ForeignDetector.learn(foreign, arabic)

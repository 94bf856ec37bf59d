"""The encyclopedic tagger's span rules: an organisation's or a site's head noun and a direction open the name
after them, و between two names splits them, a name tagged confidently is tagged at its other occurrences."""
from __future__ import annotations

import pytest

from marsad.extract.ner.encyclopedic import coordination_split, head_joined, propagated
from marsad.extract.ner.features import default_lexicon
from marsad.text.normalize import fold


def _readings(text: str) -> tuple[list[str], list[int], list[str]]:
    lex = default_lexicon()
    folded = [fold(w) for w in text.split()]
    readings = [lex.bare(w) for w in folded]
    return folded, [c for c, _ in readings], [b for _, b in readings]



@pytest.mark.parametrize(("text", "tags", "expected"), [
    # Gulf sports page: the team named by its country
    ("فاز منتخب البرازيل على ضيفه", "O O B-LOC O O", "O B-ORG I-ORG O O"),
    # Levantine: the club's head tagged as a name of its own
    ("انتقل من نادي مانشستر يونايتد إلى", "O O B-ORG B-ORG I-ORG O", "O O B-ORG I-ORG I-ORG O"),
    # Egyptian, with a proclitic on the head: the whole token opens the name
    ("وتعاقدت مع شركة أرامكو السعودية", "O O O B-ORG I-ORG", "O O B-ORG I-ORG I-ORG"),
    # Maghrebi: a university named after a city
    ("تخرج في جامعة محمد الخامس بالرباط", "O O O B-PER I-PER B-LOC", "O O O B-PER I-PER B-LOC"),
    # translated: a head before a place that is its own name, across a sentence start, stays apart
    ("زار الوزارة . باريس مدينة", "O O O B-LOC O", "O O O B-LOC O"),
    # not a head: no change
    ("عاد إلى البرازيل أمس", "O O B-LOC O", "O O B-LOC O"),
    # a site named after a person is a place (Egyptian, Levantine)
    ("صلى في جامع عمرو بن العاص", "O O O B-PER I-PER I-PER", "O O B-LOC I-LOC I-LOC I-LOC"),
    ("افتتح متحف نجيب محفوظ", "O O B-PER I-PER", "O B-LOC I-LOC I-LOC"),
    # a compass point opens a region's name (Maghrebi, translated)
    ("ضربت العاصفة شمال المغرب", "O O O B-LOC", "O O B-LOC I-LOC"),
    ("انتشر الجيش في جنوب فرنسا", "O O O O B-LOC", "O O O B-LOC I-LOC"),
    # ... but not a person's name, and وسط (amid, downtown) is no compass point
    ("انفجار في وسط لندن", "O O O B-LOC", "O O O B-LOC"),
    ("قال شرق محمد", "O O B-PER", "O O B-PER"),
])
def test_a_head_noun_opens_the_name_after_it(text: str, tags: str, expected: str) -> None:
    folded, _, bare = _readings(text)
    starts = {0} | {i + 1 for i, w in enumerate(folded) if w == "."}
    assert head_joined(tags.split(), bare, starts) == expected.split()


@pytest.mark.parametrize(("text", "tags", "expected"), [
    ("لعب جواو بينتو ولويس فيغو", "O B-PER I-PER I-PER I-PER", "O B-PER I-PER B-PER I-PER"),
    ("استقبل الملك عبدالله ومحمد بن سلمان", "O O B-PER I-PER I-PER I-PER", "O O B-PER B-PER I-PER I-PER"),
    # a word the lexicon does not read as و + a word stays inside
    ("قاد جواو ودومينغوس", "O B-PER I-PER", "O B-PER I-PER"),
    ("زار طنجة وفاس ومكناس", "O B-LOC I-LOC I-LOC", "O B-LOC B-LOC B-LOC"),
    # an organisation with و stays whole
    ("أعلنت الصليب الأحمر والهلال الأحمر", "O B-ORG I-ORG I-ORG I-ORG", "O B-ORG I-ORG I-ORG I-ORG"),
    # a name word that begins with و and no conjunction stays inside
    ("قال وليد جنبلاط", "O B-PER I-PER", "O B-PER I-PER"),
])
def test_a_name_word_with_the_conjunction_opens_a_second_name(text: str, tags: str, expected: str) -> None:
    folded, cuts, _ = _readings(text)
    assert coordination_split(tags.split(), folded, cuts) == expected.split()


def test_a_name_tagged_confidently_is_tagged_at_its_other_occurrences() -> None:
    text = "وصل فيرمي إلى روما . ثم غادر فيرمي روما . وقال فيرمي"
    _, _, bare = _readings(text)
    tags = "O B-PER O B-LOC O O O O O O O O".split()
    confidence = [0.99, 0.95, 0.99, 0.6, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99]
    starts = {0, 5, 10}
    out = propagated(tags, confidence, bare, starts)
    # فيرمي (0.95) is found again; روما (0.6) is not
    assert out == "O B-PER O B-LOC O O O B-PER O O O B-PER".split()
    assert propagated(tags, [0.5] * len(tags), bare, starts) == tags

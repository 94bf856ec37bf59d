import pytest

from marsad.text.tokens import proclitic_readings, strip_proclitics, token_lists, tokenize

KNOWN = {"الرباط", "المغرب", "إسرائيل", "لوديي", "وزارة", "القاهرة"}


@pytest.mark.parametrize("word, cut, bare", [
    ("وللرباط", 3, "الرباط"),
    ("للرباط", 2, "الرباط"),
    ("والمغرب", 1, "المغرب"),
    ("بالقاهرة", 1, "القاهرة"),
    ("وإسرائيل", 1, "إسرائيل"),
    ("لوديي", 0, "لوديي"),
    ("بلوديي", 1, "لوديي"),
    ("وزارة", 0, "وزارة"),
    ("ولد", 0, "ولد"),
])
def test_strip_only_where_attested(word: str, cut: int, bare: str) -> None:
    assert strip_proclitics(word, KNOWN.__contains__) == (cut, bare)


def test_readings_longest_first() -> None:
    readings = list(proclitic_readings("وبالمغرب"))
    assert readings[0] == (2, "المغرب")


def test_tokenize_offsets_and_numbers() -> None:
    text = "وصل غانتس، إلى الرباط يوم 24.5 «مهم»"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["وصل", "غانتس", "،", "إلى", "الرباط", "يوم", "24.5", "«", "مهم", "»"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_token_lists_are_tokenize_as_parallel_lists() -> None:
    text = "قال الرئيس: «وصلنا 24.5%»\nثم غادر."
    tokens = tokenize(text)
    assert token_lists(text) == ([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens])

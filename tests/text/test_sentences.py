import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("وصل الوفد. وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
    ("وصل الوفد.وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
    ("هل انتهت الأزمة؟ لا أحد يعرف!", ["هل انتهت الأزمة؟", "لا أحد يعرف!"]),
    ("ارتفع النمو 2.5 في المئة هذا العام.", ["ارتفع النمو 2.5 في المئة هذا العام."]),
    ("قال الوزير، في مؤتمر صحفي، إن الاتفاق مهم.", ["قال الوزير، في مؤتمر صحفي، إن الاتفاق مهم."]),
    ("السطر الأول\nالسطر الثاني", ["السطر الأول", "السطر الثاني"]),
    ('قال: "هذا مهم. وسنواصل العمل." ثم غادر.', ['قال: "هذا مهم. وسنواصل العمل."', "ثم غادر."]),
    ("قال: «نرحب بالخطوة. إنها بداية». وأضاف أنه متفائل.", ["قال: «نرحب بالخطوة. إنها بداية».", "وأضاف أنه متفائل."]),
    ("انتظروا... ثم جاء الخبر.", ["انتظروا... ثم جاء الخبر."]),
    ("The U.S. delegation arrived. It met them.", ["The U.S. delegation arrived.", "It met them."]),
    # web and mail addresses: a point between Latin letters or digits
    ("سجل عبر الموقع www.example.gov.sa، أو اتصل. وأضاف.", ["سجل عبر الموقع www.example.gov.sa، أو اتصل.", "وأضاف."]),
    ("للتواصل: reader@paper.com أو الهاتف. شكرا.", ["للتواصل: reader@paper.com أو الهاتف.", "شكرا."]),
    # Arabic names of Latin letters spelled with points, no space around them
    ("من إنتاج شركة أيه.إم.دي الأمريكية. ثم غادر.", ["من إنتاج شركة أيه.إم.دي الأمريكية.", "ثم غادر."]),
    ("وقال لوكالة (إس.دي.إيه) إن البطاقة وصلت.", ["وقال لوكالة (إس.دي.إيه) إن البطاقة وصلت."]),
    ("تدعم تقنية كيو.آي للشحن اللاسلكي.", ["تدعم تقنية كيو.آي للشحن اللاسلكي."]),
    ("", []),
])
def test_split_table(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.text(alphabet=st.sampled_from("ابت ث.؟!«»\"\n،5")))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        last = s.end

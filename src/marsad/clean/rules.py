"""Line rules for news boilerplate: each a named predicate over one line, general patterns only.

A rule never looks for an outlet's name or a sentence from a known article: it describes a kind of line
(a share bar, a copyright notice, a caption with a photo credit, a timestamp, a byline) by its shape.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from marsad.resources import MODELS_DIR, fields
from marsad.rules import RuleSet

_DIGITS = "0-9٠-٩۰-۹"
_WORDS = re.compile(r"[^\s|•·/\\\-–—،,:؛;()«»\"“”']+")
TERMINAL = tuple(".!؟?…")

WORDS_PATH = MODELS_DIR / "clean" / "boilerplate.tsv"


def _lists(path: Path = WORDS_PATH) -> dict[str, list[str]]:
    """List name -> its words (each an alternative of a regular expression), in file order."""
    lists: dict[str, list[str]] = {}
    for word, name in fields(path):
        lists.setdefault(name, []).append(word)
    return lists


_LISTS = _lists()


def _any(name: str) -> str:
    """The words of one list as regular-expression alternatives: `a|b|c`."""
    return "|".join(_LISTS[name])


SOCIAL = re.compile(rf"({_any('social')})", re.I)
CHANNELS = re.compile(rf"{_any('channel')}|" + SOCIAL.pattern, re.I)
SHARE = re.compile(rf"^({_any('share')})\b", re.I)
SHARE_ALONE = re.compile(rf"^({_any('share')})\s*({_any('share-object')})?(\s*({_any('share-via')}))?\s*[:：]?$",
                         re.I)  # شارك الخبر، شارك عبر:
COMMENT = re.compile(
    rf"^(\d+\s+)?({_any('comment-count')})(\s*[:：]?\s*\(?\d+\)?)?$|^({_any('comment-invite')})\s+({_any('comment-object')})|"
    rf"^(?:{_any('comment-prompt')})\b|{_any('comment-login')}|^leave a (reply|comment)|"
    r"your email address will not be published|required fields are marked|^(name|email|website|comment)\s*\*?$|"
    r"^post comment$", re.I)
FOLLOW = re.compile(rf"^({_any('follow')})\b", re.I)
READ_ALSO = re.compile(rf"^({_any('read-also')})\s*({_any('read-also-tail')})?\s*[:：]?|"
                       rf"^({_any('related-head')})\s+({_any('related-tail')})|^(read (also|more)|related)\b|"
                       rf"^({_any('most-read')})\s*[:：]?$|"
                       rf"^({_any('related-phrase')})(\s*({_any('read-also-tail')}))?\s*([:：].*)?$", re.I)
COPYRIGHT = re.compile(rf"©|\(c\)\s*\d{{4}}|{_any('copyright')}", re.I)
SOURCE = re.compile(rf"^\s*({_any('source')})\s*[:：]\s*(?P<value>.+?)\s*$", re.I)
BYLINE = re.compile(rf"^\s*({_any('byline')})\s*[:：/]?\s+(?P<value>[^|\n]+?)\s*(?:[|\-–—]\s*.*)?$", re.I)
_CREDIT_AND = rf"\s+و\s*({_any('credit-label')}|{_any('translation-label')})"  # تحرير وترجمة
CREDIT = re.compile(rf"^\([^()]*?\b({_any('credit-in-parentheses')})\b[^()]*\)$|"
                    rf"^(?:({_any('credit-label')})({_CREDIT_AND})*|({_any('translation-label')})({_CREDIT_AND})+)\s*[:：]",
                    re.I)
TRANSLATION_NOTE = re.compile(rf"^({_any('translation-label')})\s*[:：]|^(?:{_any('translation-line')})$|"
                              rf"^[-–—]{{2,}}\s*\S|({_any('translation-subject')}).{{0,60}}({_any('translation-verb')})")
KEYWORDS = re.compile(rf"^({_any('keywords')})\s*([:：]|$)|^#\w+(\s+#\w+)+$", re.I)  # or a row of hashtags
_NUMBER = rf"[{_DIGITS}][{_DIGITS},.]*"
COUNTER = re.compile(rf"^({_any('counter-label')})\s*[:：]?\s*{_NUMBER}\s*({_any('time-unit')})?$|"
                     rf"^{_NUMBER}\s*({_any('counter-label')}|({_any('time-unit')})\s+({_any('counter-label')}))$|"
                     rf"^({_any('time-ago')})\s+{_NUMBER}\s*({_any('time-unit')})$|"
                     rf"^{_NUMBER}\s*({_any('time-unit')})\s+({_any('time-ago-after')})$", re.I)
SEPARATOR = re.compile(rf"^[\s\-–—_=*•·~#.]+$|^[\s/(\-–—]*({_any('end-mark')})[\s/)\-–—.]*$", re.I)
CAPTION_CREDIT = re.compile(r"\((?P<credit>[^()]{2,60})\)\s*$")
CREDIT_WORDS = re.compile(_any("credit-word"), re.I)
CAPTION_START = re.compile(rf"^({_any('caption-start')})\b")
YEAR_OR_CLOCK = re.compile(rf"(?:^|[^{_DIGITS}])(?:1[3-4][{_DIGITS}]{{2}}|(?:19|20)[{_DIGITS}]{{2}}|[١٢][٩٠][٠-٩]{{2}})"
                           rf"(?:[^{_DIGITS}]|$)|[{_DIGITS}]{{1,2}}:[{_DIGITS}]{{2}}")
DATE_FILLER = frozenset(_LISTS["date-filler"])
MASTHEAD_SEPARATOR = re.compile(r"\s[-–—ـ|]\s|\s\|\s|[:：]\s*[«\"“]")  # ـ: a tatweel used as a dash
# Editors' or reporters' initials closing a wire story: ع.ب/م.س, أ.ح / ر.ع (two groups or more, slash-separated).
_INITIAL_PAIR = r"[\u0621-\u064a]{1,3}\.\s?[\u0621-\u064a]{1,3}"
INITIALS = re.compile(rf"^{_INITIAL_PAIR}(?:\s*/\s*{_INITIAL_PAIR})+$")
# A short name alone in parentheses at the top or bottom of a text: an agency's or outlet's sign-off, (واس); or
# an abbreviation with dots, (د.ب.أ); or an agency's name or one pair of initials alone, with dashes or slashes.
_SIGN_OFF_DASH = r"[\s\-–—ـ/]*"
_ABBREVIATION = r"\(?(?:[^\W\d_]{1,2}\.\s?){1,4}[^\W\d_]{0,2}\)?"  # letters with dots: أ.ف.ب، (د.ب.أ)
SIGN_OFF = re.compile(rf"^\((?P<name>[^()\d.،,:]{{2,40}})\)$|^{_SIGN_OFF_DASH}{_ABBREVIATION}{_SIGN_OFF_DASH}$|"
                      rf"^{_SIGN_OFF_DASH}\(?({_any('agency')})(\s*[/،,\-–]\s*({_any('agency')}))*\)?{_SIGN_OFF_DASH}$|"
                      rf"^{_SIGN_OFF_DASH}{_INITIAL_PAIR}{_SIGN_OFF_DASH}$", re.I)
LEGAL = re.compile(rf"(?<!\w)({_any('legal')})(?!\w)", re.I)
_CONSENT = rf"(?<!\w)({_any('consent')})(?!\w)"
COOKIE_NOTICE = re.compile(rf"({_any('cookie')}).*{_CONSENT}|{_CONSENT}.*({_any('cookie')})", re.I)
DISCLAIMER = re.compile(rf"({_any('disclaimer-verb')})\s+(({_any('disclaimer-hedge')})\s+)?عن\s+"
                        rf"({_any('disclaimer-object')})\s+({_any('disclaimer-owner')})", re.I)


def words(line: str) -> list[str]:
    """The words of a line, punctuation and separators off."""
    return _WORDS.findall(line)


def ends_sentence(line: str) -> bool:
    """Whether the line ends like a sentence (final punctuation, possibly inside a closing quote or bracket)."""
    return line.rstrip(" \"”»'’)]").endswith(TERMINAL) or line.rstrip().endswith((".\"", ".»", ".”"))


def is_timestamp(line: str) -> bool:
    """A line that is only a date and/or time, maybe with a weekday, a place or an agency tag: a dateline."""
    if not YEAR_OR_CLOCK.search(line) or ends_sentence(line):
        return False
    ws = words(line)
    other = [w for w in ws if not re.search(f"[{_DIGITS}]", w) and w.lower() not in DATE_FILLER]
    return len(ws) <= 12 and len(other) <= 4


def is_share_bar(line: str) -> bool:
    """A share prompt: share words with network names, a row of network links, or a bare «شارك الخبر»."""
    return (bool(SHARE.match(line)) and bool(SOCIAL.search(line)) or _is_link_row(line) and bool(SOCIAL.search(line))
            or bool(SHARE_ALONE.match(line)))


LINK_SEPARATOR = re.compile(r"[|•·]|\s[»›>/]\s")  # bars and bullets; breadcrumb arrows and slashes between spaces


def _is_link_row(line: str) -> bool:
    """A row of short items separated by | or bullets, or a breadcrumb (Home » News » Politics): navigation,
    footer links, share buttons."""
    parts = [p.strip() for p in LINK_SEPARATOR.split(line)]
    return len(parts) >= 3 and all(len(words(p)) <= 4 for p in parts)


def is_caption(line: str) -> bool:
    """A photo caption: a line that opens like one (صورة:، في الصورة) or describes a picture and ends in a credit
    in parentheses; no final full stop."""
    if CAPTION_START.match(line) and not ends_sentence(line) and len(words(line)) <= 30:
        return True
    m = CAPTION_CREDIT.search(line)
    if not m or len(words(line)) > 60:
        return False
    credit = m.group("credit")
    return len(words(credit)) <= 6 and (bool(CREDIT_WORDS.search(credit)) or bool(re.search("[A-Za-z]", credit)))


def is_masthead(line: str) -> bool:
    """A short outlet/section/place line such as 'Outlet | Section' or 'Place - Outlet' (header or footer only)."""
    return len(words(line)) <= 6 and bool(MASTHEAD_SEPARATOR.search(line)) and not ends_sentence(line)


MAX_BOILERPLATE_CHARS = 450  # longer than any caption, credit or prompt the rules describe (60 words at most)


@dataclass(frozen=True, slots=True)
class LineRule:
    """A named kind of boilerplate line; `zone_only` rules apply only near the top or bottom of the text."""

    name: str
    matches: Callable[[str], bool]
    zone_only: bool = False


LINE_RULES: tuple[LineRule, ...] = (
    LineRule("separator", lambda s: bool(SEPARATOR.match(s))),
    LineRule("share", is_share_bar),
    LineRule("comment", lambda s: bool(COMMENT.search(s)) and len(words(s)) <= 25),
    LineRule("follow", lambda s: bool(FOLLOW.match(s)) and len(words(s)) <= 20
             and (bool(CHANNELS.search(s)) or not ends_sentence(s))),
    LineRule("read-also", lambda s: bool(READ_ALSO.match(s)) and len(words(s)) <= 25),
    LineRule("copyright", lambda s: bool(COPYRIGHT.search(s)) and len(words(s)) <= 30),
    LineRule("keywords", lambda s: bool(KEYWORDS.match(s))),
    LineRule("source", lambda s: bool(SOURCE.match(s)) and len(words(s)) <= 12),
    LineRule("byline", lambda s: bool(BYLINE.match(s)) and len(words(s)) <= 14 and not ends_sentence(s)),
    LineRule("credit", lambda s: bool(CREDIT.match(s)) and len(words(s)) <= 16 and not ends_sentence(s)),
    LineRule("translation-note", lambda s: bool(TRANSLATION_NOTE.search(s)) and len(words(s)) <= 30),
    LineRule("caption", is_caption),
    LineRule("timestamp", is_timestamp),
    LineRule("counter", lambda s: bool(COUNTER.match(s))),
    LineRule("navigation", _is_link_row),
    LineRule("legal", lambda s: bool(LEGAL.search(s)) and len(words(LEGAL.sub(" ", s))) <= 1 and not ends_sentence(s)
             or bool(COOKIE_NOTICE.search(s)) and len(words(s)) <= 40),
    LineRule("disclaimer", lambda s: bool(DISCLAIMER.search(s)) and len(words(s)) <= 40),
    LineRule("initials", lambda s: bool(INITIALS.match(s))),
    LineRule("masthead", is_masthead, zone_only=True),
    LineRule("sign-off", lambda s: bool(SIGN_OFF.match(s)) and len(words(s)) <= 4, zone_only=True),
)
RULES = RuleSet("clean")
RULES.register(*(rule.name for rule in LINE_RULES))


def classify(line: str, in_zone: bool) -> str | None:
    """The name of the first boilerplate rule the line matches, or None for content."""
    if len(line) > MAX_BOILERPLATE_CHARS:
        return None
    for rule in LINE_RULES:
        if (in_zone or not rule.zone_only) and rule.matches(line):
            RULES.hit(rule.name)
            return rule.name
    return None


# Words that show a leading "X - " is a sentence with a dash, not a place: verbs of saying, prepositions.
NOT_IN_PLACE_NAMES = frozenset(_LISTS["not-in-place-name"])
# place[, date] [(agency)] or (agency) alone, then a dash, then maybe «outlet»:. A tatweel stands as the dash only
# before «outlet»: (Saudi and Gulf prose also uses ـ for parenthetical dashes: وأشاد ـ حفظه الله ـ بـ...).
DATELINE_PREFIX = re.compile(
    r"^(?P<dateline>(?:\((?P<lead_agency>[^()\n]{2,40})\)|(?P<place>[^\s\d.،,:()«»\"-][^.،,:()«»\"\n]{0,30}?)"
    r"(?:\s*[،,]\s*[^.()\n]{0,40}?)?\s*(?:\((?P<agency>[^()\n]{1,40})\))?)"
    r"(?:\s*[-–—]+|\s+ـ+(?=\s*«[^»\n]{1,40}»\s*[:：]))(?:\s*«(?P<outlet>[^»\n]{1,40})»\s*[:：])?)(?:\s+|$)")


# place, a dash (or tatweel), a news agency's name (bare or in parentheses), then a dash or a colon, or just a space
# after an agency glued to the dash: 'City - Agency -', 'City ـ Agency ـ', 'City - (Agency):', 'City-Agency '.
WIRE_DATELINE = re.compile(
    r"^(?P<dateline>(?P<place>[^\s\d.،,:()«»\"-][^.،,:()«»\"\n]{0,30}?)\s*[-–—ـ]+\s*"
    rf"\(?(?P<agency>{_any('agency')})\)?(?:\s*(?:[-–—ـ]+|[:：])|(?=\s)))\s+", re.I)


@RULES.rule("dateline")
def dateline_prefix(line: str) -> str | None:
    """A leading dateline such as 'City, 10 March 2023 (Agency) -', 'City, Country -', '(Agency) -',
    'City ـ «Outlet»:' or 'City - Agency:' before the body text."""
    m = WIRE_DATELINE.match(line) or DATELINE_PREFIX.match(line)
    if not m:
        return None
    head, rest = m.group("dateline"), line[m.end():]
    place = words(m.group("place") or "")
    if len(place) > 3 or len(words(head)) > 10 or any(w in NOT_IN_PLACE_NAMES for w in place):
        return None
    if rest and len(words(rest)) < 5:
        return None
    tagged = m.groupdict().get("agency") or m.groupdict().get("lead_agency") or m.groupdict().get("outlet")
    if not (tagged or YEAR_OR_CLOCK.search(head) or len(words(head)) <= 3):
        return None
    return m.group(0)


PAGER = re.compile(rf"^(?:[\s«»<>‹›|/]*(?:{_any('pager')})(?!\w)){{2,}}[\s«»<>‹›|/]*", re.I)


@RULES.rule("pager")
def pager_prefix(line: str) -> str | None:
    """The buttons of a slider or a pager left at the head of a line, two words or more: 'Next Previous',
    '« السابق التالي »'."""
    m = PAGER.match(line)
    return m.group(0) if m else None


# place, a dash, a short tag (an outlet's or a reporter's name), then a dash or a colon: 'City - Tag -', 'City ـ Tag:'
TAGGED_DATELINE = re.compile(
    r"^(?P<dateline>(?P<place>[^\s\d.،,:()«»\"-][^.،,:()«»\"\n\-–—ـ]{0,30}?)\s*[-–—ـ]+\s*"
    r"(?P<tag>[^\s\d.،,:()«»\"\-–—ـ][^.،,:()«»\"\n\-–—ـ]{0,30}?)\s*(?:[-–—ـ]+\s|[:：]))\s*")
# the place closing a dateline after its other parts: 'Reporter - Outlet - City:'
PLACE_COLON = re.compile(r"^(?P<place>[^\s\d.،,:()«»\"\-–—ـ][^.،,:()«»\"\n\-–—ـ]{0,30}?)\s*[:：]\s*")


def tagged_dateline(line: str) -> tuple[str, str] | None:
    """('City - Tag -', 'Tag') at the start of a line whose place and tag are short names followed by a sentence;
    whether the tag is an outlet's own is for the outlet's template to say."""
    m = TAGGED_DATELINE.match(line)
    if not m:
        return None
    place, tag = words(m.group("place")), words(m.group("tag"))
    if not (0 < len(place) <= 3 and 0 < len(tag) <= 3) or len(words(line[m.end():])) < 5:
        return None
    return (None if any(w in NOT_IN_PLACE_NAMES for w in place + tag) else (m.group(0), m.group("tag")))


def place_colon(line: str) -> str | None:
    """'City:' opening what is left of a line after a dateline was cut: the dateline's last part."""
    m = PLACE_COLON.match(line)
    if not m:
        return None
    place = words(m.group("place"))
    if not 0 < len(place) <= 3 or any(w in NOT_IN_PLACE_NAMES for w in place) or len(words(line[m.end():])) < 5:
        return None
    return m.group(0)

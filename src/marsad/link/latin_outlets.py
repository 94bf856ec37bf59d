"""The country of an article's outlet, from `models/link/outlet_countries.tsv`: a known outlet's name or web host,
a country named inside the outlet's name (Mirat Tounes, Al-Masry Al-Youm), or the country-code ending of the
article's address; None when none of them says. Latin names use it to spell as that country's press does.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from marsad.resources import MODELS_DIR, fields

OUTLETS_PATH = MODELS_DIR / "link" / "outlet_countries.tsv"
_WORD = re.compile(r"[a-z0-9.]+")
_NOISE = re.compile(r"[\s\-_'’]+")


def _plain(name: str) -> str:
    """An outlet's name or host compared without case, spaces, hyphens, `www.` and a leading article."""
    text = _NOISE.sub("", name.casefold())
    text = text.removeprefix("www.")
    return re.sub(r"^(al|el)(?=[a-z0-9]{3})", "", text)


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    """kind (outlet, word, tld) -> value -> country code."""
    table: dict[str, dict[str, str]] = {"outlet": {}, "word": {}, "tld": {}}
    for kind, value, country in fields(OUTLETS_PATH):
        table[kind][_plain(value) if kind == "outlet" else value] = country
    return table


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""


@lru_cache(maxsize=4096)
def outlet_country(source: str | None, url: str | None = None) -> str | None:
    """The ISO code of the outlet's country, or None when it is not known."""
    table = _table()
    host = _host(url)
    for name in (source or "", host, host.rsplit(".", 1)[0] if host else ""):
        if name and _plain(name) in table["outlet"]:
            return table["outlet"][_plain(name)]
    for word in _WORD.findall((source or "").casefold()):
        word = re.sub(r"^(al|el)(?=[a-z]{4})", "", word)
        found = next((c for stem, c in table["word"].items() if word.startswith(stem)), None)
        if found:
            return found
    return table["tld"].get(host.rsplit(".", 1)[-1]) if "." in host else None

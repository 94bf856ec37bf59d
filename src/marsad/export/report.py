"""The static HTML report: one self-contained right-to-left page; every article string is escaped."""
from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

_ENV = Environment(loader=PackageLoader("marsad.export", "templates"), autoescape=select_autoescape(["html", "j2"]),
                   trim_blocks=True, lstrip_blocks=True)


def render_report(document: dict[str, Any]) -> str:
    """The report page for a `marsad.analysis/v1` document."""
    sources = sorted({a.get("source") or "—" for a in document["articles"]})
    return _ENV.get_template("report.html.j2").render(doc=document, sources=sources)

"""The summary stage's rule set: one `RuleSet("summarize")` for every module of the stage, so each counts its
rules under the one stage name."""
from __future__ import annotations

from marsad.rules import RuleSet

RULES = RuleSet("summarize")

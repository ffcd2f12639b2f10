"""Countries: the names people write ↔ ISO 3166-1 alpha-2 codes (countries.yaml).

Why a table both ways: a parse must store "Lisbon, Portugal" as ``countryCode: PT`` (the
JSON Resume field), and a render must print the country's name again so that the page
parses back to the same fields. One table serves both, so every name the render prints is
one the parser reads. It is data (every ISO country, plus "USA", "UK", "Deutschland"…)
rather than the pycountry package: its names ("Korea, Republic of") hold commas a
"City, Country" line cannot, it lacks the forms people write, and it costs 23 MB and
~25 ms of import for a lookup this table does in one dictionary.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from .features import load

__all__ = ["country_code", "country_name", "place_text"]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(code → the name a render prints, any written form in lower case → code)."""
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for code, forms in load("countries.yaml").items():
        code = str(code)
        names[code] = str(forms[0])
        for form in forms:
            codes.setdefault(_key(str(form)), code)
    return names, codes


def country_code(text: str | None) -> str | None:
    """'PT' for "Portugal", "portugal" or "PT"-less forms people write ("USA" → 'US');
    None when the text is not a country."""
    if not text:
        return None
    return _tables()[1].get(_key(text.strip(" ,;")))


def country_name(code: str | None) -> str | None:
    """The name a render prints for an ISO code ('PT' → "Portugal"); None when unknown."""
    if not code:
        return None
    return _tables()[0].get(code.strip().upper())


def place_text(location: Mapping[str, str | None]) -> str:
    """A JSON Resume location as "City, Region, Country", as the parser reads it back.

    The region is printed as written ("WA", "Ontario"); the country by its name from the
    table (an unknown code as it is). A street ``address`` is left out (the parser does
    not read one back); it is printed only when nothing else is known ("Remote"), and an
    address that is a country's name (older parses kept "Portugal" there) counts as the
    country.
    """
    city, region = location.get("city"), location.get("region")
    code = location.get("countryCode")
    address = location.get("address")
    country = country_name(code) or code
    if not country and address and country_code(address):
        country, address = address, None
    if country and city and country.casefold() == city.casefold():
        country = None  # a city-state ("Singapore") is printed once
    parts = [p for p in (city, region, country) if p]
    if not parts and address:
        return address
    return ", ".join(parts)

"""Contact details: e-mail, phone, web profiles and location, from the header's parts.

Why the phone library: numbers come as "(206) 555-0143", "206.555.0143", "+44 20 7946
0958"; ``phonenumbers`` finds them inside text and writes them one way (international
format), where a regex would either miss forms or eat dates and zip codes. Link targets
the reader saw (PDF link annotations, DOCX hyperlinks) count too: an icon-only "GitHub"
in a PDF still has its URL.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from .features import heading_section, is_legal_form, lexicon, load
from .places import country_code, country_name

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s|,;·•]+"
    r"|(?<![@\w.])(?:[\w-]+\.)+(?:com|org|net|io|dev|me|co|ai|app|page|site|tech|info|xyz|"
    r"us|uk|de|ca|eu)(?:/[^\s|,;·•]*)?(?![\w@])"
    r"|(?<![@\w.])(?-i:[a-z0-9][a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?!(?:js|ts|py|rb|go|rs|md|txt|pdf|docx?|html?|css|sh|exe|zip|png|jpe?g)\b)[a-z]{2,12})"
    r"(?:/[^\s|,;·•]*)?(?![\w@.])",
    re.IGNORECASE,
)
"""A web address: with a scheme or www, a known ending, or any all-lower-case domain
("ngozi.design", "jiwoo.kim") that is not a file name ("node.js", "cv.pdf")."""
PART_SPLIT_RE = re.compile(r"\s*(?:\||·|•|⋅|∙|\t|;|\s{3,}|\s[–—]\s)\s*")
NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "bitbucket.org": "Bitbucket",
    "twitter.com": "Twitter",
    "x.com": "X",
    "stackoverflow.com": "Stack Overflow",
    "medium.com": "Medium",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
    "kaggle.com": "Kaggle",
    "orcid.org": "ORCID",
    "researchgate.net": "ResearchGate",
    "scholar.google.com": "Google Scholar",
    "instagram.com": "Instagram",
    "facebook.com": "Facebook",
    "youtube.com": "YouTube",
}
"""Known profile sites: the domain decides the network name."""
_CITY_RE = re.compile(r"(?=[^\W\d_])\w[\w.'’ -]{0,40}")
"""A city's name: a letter, then letters, spaces, dots, apostrophes, hyphens (its first
letter must also be a capital: ``_is_city``; "İstanbul", "Łódź", "Ürümqi" count)."""


@dataclass(slots=True)
class Contact:
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    location: dict[str, str] | None = None
    profiles: list[dict[str, str]] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    """Parts that held no contact detail: the headline may be among them."""
    remnants: list[str] = field(default_factory=list)
    """What is left of parts once their e-mail, link or phone is cut out ("Call me at …
    weekdays" → "weekdays"): kept, never a headline; filler alone is dropped."""

    def basics(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "email": self.email,
            "phone": self.phone,
            "url": self.url,
            "location": self.location,
            "profiles": self.profiles,
        }
        return {k: v for k, v in data.items() if v}


def parse_location(text: str, *, any_region: bool = False) -> dict[str, str] | None:
    """{'city', 'region', 'countryCode'…} for "Seattle, WA", "Lisbon, Portugal", "Remote".

    The country is stored as its ISO code (places.py: "Portugal" → PT, "USA" → US); a
    state or province stays in ``region`` as written; a place of work that is no place
    ("Remote") is kept as ``address``. "City, Region, Country" needs a known region
    (a US state, a Canadian province) unless ``any_region``: in a contact line a middle
    piece is a region ("London, England, United Kingdom"), in an entry's header it is as
    likely a company's city ("Carrefour Digital, Madrid, Spain"). A city written alone is
    a place only inside ``known_places`` naming it (the document proved it elsewhere).
    """
    found = _parse_location(text, any_region)
    if found is None:
        clean = " ".join(text.split()).strip(" ,;|")
        return _known_place(clean) or _postcode_place(clean)
    return dict(found)


_POSTAL_DISTRICT_RE = re.compile(r"\s+\d{1,2}[A-Z]?$")
"""A city's postal district after its name ("Dublin 6W", "Dublin 16")."""


@functools.cache
def _postcode_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = load("lexicons.yaml")["postcode_countries"]
    return tuple((str(code), re.compile(str(form))) for code, form in table.items())


def _postcode_place(text: str) -> dict[str, str] | None:
    """ "Dublin 6W, D6W Y2R4": a city (with its postal district) and a postcode whose form
    names the country (lexicons.yaml ``postcode_countries``)."""
    head, _, postcode = text.rpartition(",")
    head, postcode = head.strip(), postcode.strip()
    if not head or "," in head:
        return None
    code = next((c for c, form in _postcode_patterns() if form.fullmatch(postcode)), None)
    city = _POSTAL_DISTRICT_RE.sub("", head)
    if code is None or not _is_city(city) or any(ch.isdigit() for ch in city):
        return None
    return {"city": city, "countryCode": code, "address": text}


_DISTRICT_RE = re.compile(
    r"^(?:(?P<before>\d{4,5})\s+)?(?P<city>.+?)"
    r"(?:\s+(?P<after>\d{1,2}(?:e|er|ème|st|nd|rd|th)?|\d{4,5}))?$"
)
"""A city with a district or postcode beside it: "Lyon 2e", "Paris 75008", "8010 Graz"."""


def _known_place(text: str) -> dict[str, str] | None:
    """A place the document proved elsewhere, written alone ("Springvale"), with a district
    or postcode ("Lyon 2e"), or after a neighbourhood that says it is one ("Victoria
    Island, Lagos")."""
    known = _KNOWN_PLACES.get()
    if not text or not known:
        return None
    if text.casefold() in known:
        return {"city": text}
    district = _DISTRICT_RE.match(text)
    if (
        district
        and (district["before"] or district["after"])
        and district["city"].casefold() in known
    ):
        return {"city": district["city"], "address": text}
    head, _, city = text.rpartition(",")
    head, city = head.strip(), city.strip()
    if (
        head
        and "," not in head
        and city.casefold() in known
        and bare_place(head)
        and _names_a_neighbourhood(head)
    ):
        return {"city": city, "address": text}
    return None


_KNOWN_PLACES: ContextVar[frozenset[str]] = ContextVar("known_places", default=frozenset())
"""Cities the document being read names elsewhere in a form that proves them ("Zürich,
CH", or the place in its contact line), case-folded: within that document the city
alone is a place too ("Springvale" under a job). Set by ``known_places``."""


@contextmanager
def known_places(cities: Iterable[str]) -> Iterator[None]:
    """Read the bare ``cities`` as places while the block runs (one document's parse)."""
    token = _KNOWN_PLACES.set(frozenset(c.casefold() for c in cities if c))
    try:
        yield
    finally:
        _KNOWN_PLACES.reset(token)


def bare_place(text: str) -> bool:
    """Whether ``text`` can be a place named by its city alone ("Springvale", "Montréal",
    "Newcastle upon Tyne"): at most three capitalised words, no digit, no role,
    organisation or filler word. Alone it proves nothing; callers take it for a place
    only where the layout leaves nothing else it could be (a contact line without any
    other place; a work header's third part beside a position and a company)."""
    words = text.split()
    if not 0 < len(words) <= 3 or not _is_city(text) or "." in text:
        return False
    small = lexicon("title_small_words") | lexicon("place_name_words")
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    if any(not w[:1].isupper() and w.lower() not in small for w in words):
        return False
    lower = {w.lower().strip("'’") for w in words} - lexicon("place_name_words")
    return not lower & (
        lexicon("role_words")
        | lexicon("org_words")
        | lexicon("contact_filler_words")
        | lexicon("seniority_words")
    )


def _names_a_neighbourhood(text: str) -> bool:
    """ "Victoria Island", "Surry Hills", "Palm Beach": a word that names a kind of place
    (lexicons.yaml ``neighbourhood_words``), so the name is not a firm's ("Atelier
    Sainte-Catherine, Montréal" is a studio and its city)."""
    return any(w.lower() in lexicon("neighbourhood_words") for w in text.split())


@functools.lru_cache(maxsize=4096)
def _parse_location(text: str, any_region: bool = False) -> dict[str, str] | None:
    text = text.strip().strip(",;|").strip()
    if not text or len(text) > 60 or any(ch.isdigit() for ch in text) or "@" in text:
        return None
    if text.lower() in lexicon("remote_words"):
        return {"address": text}
    pieces = [p.strip() for p in text.split(",")]
    if len(pieces) == 1:
        code = _country(text, codes=False)
        if code and text.casefold() in lexicon("city_states"):
            return _loc(text, country=code)
        return {"countryCode": code} if code else None
    if len(pieces) > 3 or not all(pieces):
        return None
    city, last = pieces[0], pieces[-1]
    if not _is_city(city):
        return None
    middle = pieces[1] if len(pieces) == 3 else None
    country = None if last in lexicon_upper("us_states") else _country(last)
    if middle is not None and country is None:
        return None
    if last in lexicon_upper("us_states"):
        return _loc(city, region=last)
    if last.lower() in lexicon("regions") and last[:1].isupper():
        return _loc(city, region=last)
    if country is not None:
        if middle is not None and not _is_region(middle):
            loose = any_region and _is_city(middle) and len(middle.split()) <= 3
            if not loose:
                return None
        return _loc(city, region=middle, country=country)
    if middle is None and last in _region_countries():
        return _loc(city, region=last)
    if middle is None and _is_county(last):
        return _loc(city, region=last)
    return None


def _is_county(text: str) -> bool:
    """ "Co. Clare", "County Tyrone": a county prefix and one or two capitalised words."""
    first, _, name = text.partition(" ")
    words = name.split()
    return (
        first.lower() in lexicon("county_prefixes")
        and 0 < len(words) <= 2
        and all(w[:1].isupper() for w in words)
    )


def _is_city(text: str) -> bool:
    """A city's name: capitalised, at most four words, none a company's legal form
    ("Merlion Systems Pte Ltd, Singapore" is a firm and its city-state)."""
    words = text.split()
    return (
        bool(_CITY_RE.fullmatch(text))
        and text[:1].isupper()
        and len(words) <= 4
        and not any(is_legal_form(w) for w in words)
    )


def _country(text: str, *, codes: bool = True) -> str | None:
    """The ISO code of a country name written with a capital ("Portugal", "USA"), or of an
    ISO code itself after a city ("Zürich, CH"; ``codes``: never alone, "IT" or "QA" is
    not a place); a US state's code is read as the state before this is asked ("Denver,
    CO" is Colorado, not Colombia)."""
    if codes and re.fullmatch(r"[A-Z]{2}", text) and country_name(text):
        return None if text.lower() in lexicon("not_country_codes") else text
    return country_code(text) if text[:1].isupper() else None


def _is_region(text: str) -> bool:
    return text in lexicon_upper("us_states") or text.lower() in lexicon("regions")


@functools.cache
def lexicon_upper(name: str) -> frozenset[str]:
    """A word list from lexicons.yaml, upper-cased (state codes are matched as written)."""
    return frozenset(w.upper() for w in lexicon(name))


def _loc(city: str, region: str | None = None, country: str | None = None) -> dict[str, str]:
    out = {"city": city}
    if region:
        out["region"] = region
    if country:
        out["countryCode"] = country
    return out


def format_phone(text: str, region: str = "US") -> str | None:
    """The first phone number in ``text``, in international format, or None.

    Why valid before possible: "087 555 0142" is a possible number almost anywhere, but a
    valid one only in the right region; a valid reading is the better guess when there is one.
    """
    found = _find_phone(text, region)
    return found[0] if found else None


def _find_phone(text: str, region: str) -> tuple[str, bool] | None:
    """(international format, valid) of the first phone number in ``text``."""
    import phonenumbers

    try:
        for leniency in (phonenumbers.Leniency.VALID, phonenumbers.Leniency.POSSIBLE):
            for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=leniency):
                valid = leniency == phonenumbers.Leniency.VALID
                if not valid and match.raw_string.lstrip("(").startswith("0"):
                    # A trunk "0" says the number is national somewhere the header does
                    # not name; a country code guessed for it would be wrong: kept as typed.
                    return " ".join(match.raw_string.split()), False
                formatted = phonenumbers.format_number(
                    match.number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
                )
                return formatted, valid
    except Exception:  # the library raises on odd input; a phone is optional
        return None
    return None


def location_country(location: dict[str, str]) -> str | None:
    """The ISO country code a parsed location points to: its own, else the country of its
    state or province ("Seattle, WA" → US, "Toronto, ON" → CA)."""
    if location.get("countryCode"):
        return location["countryCode"]
    region = location.get("region", "")
    if region.upper() in lexicon_upper("us_states") or (
        region.lower() in lexicon("regions") and region.lower() not in lexicon("canadian_provinces")
    ):
        return "US"
    if region.lower() in lexicon("canadian_provinces"):
        return "CA"
    return _region_countries().get(region)


@functools.cache
def _region_countries() -> dict[str, str]:
    """Region as written ("SP", "New South Wales") → its country's ISO code."""
    table = load("lexicons.yaml")["region_countries"]
    return {str(region): str(code) for code, regions in table.items() for region in regions}


def phone_region(parts: list[str]) -> str:
    """The country to read national phone numbers in: the first place the parts name, else US."""
    for part in parts:
        location = parse_location(part, any_region=True)
        code = location_country(location) if location else None
        if code:
            return code
    return "US"


def profile_for(url: str) -> dict[str, str] | None:
    """A JSON Resume profile for a known network's URL, else None."""
    full = _with_scheme(url)
    parsed = urlparse(full)
    host = parsed.netloc.lower().removeprefix("www.")
    network = NETWORKS.get(host)
    if not network:
        return None
    parts = [p for p in parsed.path.split("/") if p]
    if parts and parts[0] in ("in", "pub", "u", "user", "users", "company") and len(parts) > 1:
        username = parts[1]
    else:
        username = parts[0] if parts else ""
    profile = {"network": network, "url": full.rstrip("/")}
    if username:
        profile["username"] = username.lstrip("@")
    return profile


def extract(parts: list[str], links: list[str] | None = None) -> Contact:
    """Contact details from header parts; what is left of each part goes to ``leftovers``."""
    contact = Contact()
    region = phone_region(parts)
    phone_valid = False
    for raw in parts:
        rest = raw
        for match in EMAIL_RE.finditer(raw):
            contact.email = contact.email or match.group(0)
            rest = rest.replace(match.group(0), " ")
        for match in URL_RE.finditer(rest):
            _add_url(contact, match.group(0).rstrip(".)"))
            rest = rest.replace(match.group(0), " ")
        if re.search(r"\d{3}", rest) or len(re.findall(r"\d", rest)) >= 7:  # "04 72 55 01 88"
            found = _find_phone(rest, region)
            if found:
                if contact.phone is None or (found[1] and not phone_valid):
                    contact.phone, phone_valid = found
                rest = re.sub(r"\+?\(?\d[\d\s().-]{6,}\d", " ", rest)
        cut = rest != raw
        rest = rest.strip(" ,;|·•-–—:")
        if not rest:
            continue
        location = parse_location(rest, any_region=True)
        if location and contact.location is None:
            contact.location = location
            continue
        rest = re.sub(
            r"^(?:e-?mail|phone|tel|mobile|cell|web|website|linkedin|github)\s*:?\s*",
            "",
            rest,
            flags=re.IGNORECASE,
        )
        if rest and cut:
            _add_remnant(contact, rest)
        elif rest:
            contact.leftovers.append(" ".join(rest.split()))
    if contact.location is None and (contact.email or contact.phone):
        # No "City, Region" anywhere: a bare city among the contact details is the place.
        for index, part in enumerate(contact.leftovers):
            if bare_place(part) and not heading_section(part)[1]:
                contact.location = {"city": contact.leftovers.pop(index)}
                break
    for link in links or []:
        lower = link.lower()
        if lower.startswith("mailto:"):
            contact.email = contact.email or link[7:].split("?")[0]
        elif lower.startswith("tel:") and not phone_valid:
            found = _find_phone(link[4:], region)
            if found and (contact.phone is None or found[1]):
                contact.phone, phone_valid = found
        elif lower.startswith(("http://", "https://")):
            _add_url(contact, link)
    return contact


def _add_remnant(contact: Contact, text: str) -> None:
    """Keep what a contact detail left of its part, unless it is only filler words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words or all(w in lexicon("contact_filler_words") for w in words):
        return
    contact.remnants.append(" ".join(text.split()))


def _add_url(contact: Contact, url: str) -> None:
    profile = profile_for(url)
    if profile:
        key = (profile["network"], profile.get("username", "").lower())
        for existing in contact.profiles:
            if (existing["network"], existing.get("username", "").lower()) == key:
                return
        contact.profiles.append(profile)
        return
    if contact.url is None:
        contact.url = _with_scheme(url).rstrip("/")


def _with_scheme(url: str) -> str:
    """``url`` with ``https://`` in front when it was written without a scheme."""
    return url if re.match(r"^[a-z]+://", url, re.IGNORECASE) else f"https://{url}"

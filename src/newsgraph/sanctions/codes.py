"""Country values of sanctions lists → ISO alpha-3, the code newsgraph entities carry.

FollowTheMoney writes ISO alpha-2 (``mm``), a few alpha-4 codes of former states (``suhh``) and
sub-national codes (``ge-ab``); the OFAC SDN list writes English names, some inverted
(``Korea, North``). Unknown values give None rather than a guess.
"""

from __future__ import annotations

import functools

import pycountry

from newsgraph.ontology.countries import countries, country_code

# User-assigned codes pycountry does not carry.
_EXTRA_ALPHA2 = {"XK": "XKX"}


@functools.cache
def iso3(value: str) -> str | None:
    """ISO alpha-3 for a country code or name, or None when it is not one."""
    value = " ".join(value.split())
    if not value:
        return None
    code = value.upper()
    if len(code) == 3 and code.isalpha() and code in countries():
        return code
    if len(code) == 2 and code.isalpha():
        found = pycountry.countries.get(alpha_2=code)
        return found.alpha_3 if found else _EXTRA_ALPHA2.get(code)
    if len(code) == 4 and code.isalpha():
        former = pycountry.historic_countries.get(alpha_4=code)
        if former:
            return str(former.alpha_3)
    if "-" in code and len(code.split("-")[0]) == 2:  # "ge-ab": a region of Georgia
        return iso3(code.split("-")[0])
    return _by_name(value)


def _by_name(name: str) -> str | None:
    hit = country_code(name)
    if hit is None and "," in name:  # "Korea, North" → "North Korea"
        head, _, tail = name.partition(",")
        hit = country_code(f"{tail.strip()} {head.strip()}")
    if hit is None:
        try:
            hit = pycountry.countries.lookup(name).alpha_3  # exact names and official names, no fuzz
        except LookupError:
            return None
    return hit


def iso3_all(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Each convertible value once, in order."""
    return tuple(dict.fromkeys(c for c in (iso3(v) for v in values) if c))

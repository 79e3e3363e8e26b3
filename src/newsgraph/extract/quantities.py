"""Amounts with units in news text: money, power, energy, volume, mass, percentages, people
(including a count of nationals: "58 Palestinians"), counted materiel ("85 targets", "eight
warships") and durations ("sentenced to 26 years", "leave within 72 hours", "a 90-day pause").

Pure regex, no model: the patterns need a number *and* a unit next to each other, so bare
numbers, years, ordinals and vague counts ("thousands of refugees") are never taken. Values are
normalised (ISO 4217 currency, MW, MWh, barrel, tonne, m3, person) so that events compare.
"""

from __future__ import annotations

import re
from decimal import Decimal

from newsgraph.model import Quantity
from newsgraph.ontology import countries

_ONES = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = {w: i + 1 for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_MULT = {"hundred": "1e2", "thousand": "1e3", "million": "1e6", "billion": "1e9", "trillion": "1e12",
         "dozen": "12", "lakh": "1e5", "crore": "1e7", "k": "1e3", "m": "1e6", "mn": "1e6",
         "mln": "1e6", "b": "1e9", "bn": "1e9", "tn": "1e12", "trn": "1e12"}

_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_WORD_NUM = (rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_ONES[:9])}))?|{'|'.join(_ONES)}"
             r"|an?(?=[ ](?:hundred|thousand|million|billion|dozen)\b))\b")
_MULTS = (r"(?:[ -]?(?P<mult>(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)"
          r"(?:[ -](?:thousand|million|billion))?)\b"
          r"|(?P<short>(?<=[0-9])(?:k|m|mn|mln|b|bn|tn|trn)\b|[ ](?:mn|mln|bn|tn|trn)\b))?")
_NOT_BEFORE = r"(?<![\w.,:/$€£¥₹₽-])"  # not inside a number, a date, a range or a price
_AMOUNT = rf"{_NOT_BEFORE}(?P<num>{_DIGITS}|{_WORD_NUM}){_MULTS}"
_SEP = r"[ \u00a0\u202f-]?"

# (surface pattern, unit, kind, factor to the unit). Longer forms first: the first that fits wins.
_UNITS: list[tuple[str, str, str, str]] = [
    (r"kilowatt[- ]hours?|(?-i:kWh)", "MWh", "energy", "0.001"),
    (r"megawatt[- ]hours?|(?-i:MWh)", "MWh", "energy", "1"),
    (r"gigawatt[- ]hours?|(?-i:GWh)", "MWh", "energy", "1e3"),
    (r"terawatt[- ]hours?|(?-i:TWh)", "MWh", "energy", "1e6"),
    (r"kilowatts?|(?-i:[kK]W)", "MW", "power", "0.001"),
    (r"megawatts?|(?-i:MW[ep]?)", "MW", "power", "1"),
    (r"gigawatts?|(?-i:GW[ep]?)", "MW", "power", "1e3"),
    (r"barrels?(?: of (?:crude oil|crude|oil))? (?:per|a) day|bpd|b/d|bbl/d", "barrel/day", "volume", "1"),
    (r"barrels?|bbls?", "barrel", "volume", "1"),
    (r"bcm", "m3", "volume", "1e9"),
    (r"cubic met(?:re|er)s?|m3|m³", "m3", "volume", "1"),
    (r"(?:metric )?(?:tonnes?|tons?)", "tonne", "mass", "1"),
    (r"%|percent|per cent", "percent", "percent", "1"),
    (r"(?:US|U\.S\.|American) dollars?", "USD", "money", "1"),
    (r"Australian dollars?", "AUD", "money", "1"),
    (r"Canadian dollars?", "CAD", "money", "1"),
    (r"Hong Kong dollars?", "HKD", "money", "1"),
    (r"Singapore dollars?", "SGD", "money", "1"),
    (r"dollars?", "USD", "money", "1"),
    (r"euros?", "EUR", "money", "1"),
    (r"pounds? sterling|sterling", "GBP", "money", "1"),
    (r"(?:Russian )?ro?ubles?", "RUB", "money", "1"),
    (r"(?:Chinese )?(?:yuan|renminbi)", "CNY", "money", "1"),
    (r"kyats?", "MMK", "money", "1"),
    (r"Pakistani rupees?", "PKR", "money", "1"),
    (r"Sri Lankan rupees?", "LKR", "money", "1"),
    (r"(?:Indian )?rupees?", "INR", "money", "1"),
    (r"(?:Japanese )?yen", "JPY", "money", "1"),
    (r"hryvnias?|hryvnia", "UAH", "money", "1"),
    (r"shekels?", "ILS", "money", "1"),
    (r"(?:Turkish )?liras?", "TRY", "money", "1"),
    (r"naira", "NGN", "money", "1"),
    (r"(?:Saudi )?riyals?", "SAR", "money", "1"),
    (r"dirhams?", "AED", "money", "1"),
    (r"Swiss francs?", "CHF", "money", "1"),
    (r"(?-i:USD|EUR|GBP|JPY|CNY|RMB|INR|RUB|CHF|AUD|CAD|UAH|TRY|MMK|SAR|AED|ILS)", "", "money", "1"),
]
_PREFIX: dict[str, str] = {"us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
                           "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL",
                           "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
                           "rs": "INR", "rs.": "INR", "rmb": "CNY"}
_PEOPLE = ("people persons civilians soldiers troops refugees protesters demonstrators workers "
           "employees casualties deaths prisoners detainees hostages migrants residents children "
           "fighters militants personnel sailors marines gendarmes officers policemen peacekeepers "
           "journalists students tourists passengers villagers diplomats women men members officials lawmakers "
           "activists suspects crew nationals citizens teenagers pilgrims fishermen mourners rioters "
           "individuals editors reporters lawyers doctors nurses teachers farmers ministers commanders generals "
           "judges opponents dissidents relatives paratroopers commandos reservists servicemen guardsmen "
           "supporters rebels insurgents gunmen attackers terrorists jihadists guerrillas combatants staff "
           "staffers aides leaders politicians businessmen executives specialists experts agents spies "
           "inmates victims patients worshippers others candidates delegates observers volunteers "
           "contractors engineers monks priests guards bodyguards settlers envoys ambassadors "
           "clerics").split()
_SINGULAR = ("person civilian soldier refugee protester worker prisoner detainee hostage migrant child diplomat "
             "official man woman").split()
_BARE = "dead killed wounded injured arrested detained missing".split()  # only straight after the number: "12 killed"
# Counted materiel and sites (unit: the singular noun): "85 targets", "eight warships", "two bases".
_THINGS = {"target": "targets", "munition": "munitions", "missile": "missiles", "rocket": "rockets",
           "drone": "drones", "warship": "warships", "ship": "ships", "vessel": "vessels",
           "submarine": "submarines", "aircraft": "aircraft", "jet": "jets", "helicopter": "helicopters",
           "tank": "tanks", "base": "bases", "balloon": "balloons", "howitzer": "howitzers",
           "shell": "shells", "bomb": "bombs", "facility": "facilities", "site": "sites",
           "radar": "radars", "vehicle": "vehicles", "boat": "boats", "village": "villages",
           "company": "companies", "firm": "firms", "entity": "entities", "bank": "banks",
           "organisation": "organisations", "organization": "organizations", "location": "locations",
           "plane": "planes", "warplane": "warplanes", "agreement": "agreements", "deal": "deals",
           "contract": "contracts", "memorandum": "memorandums", "seat": "seats", "vote": "votes",
           "system": "systems", "city": "cities", "town": "towns", "product": "products",
           "attack": "attacks", "cyberattack": "cyberattacks", "strike": "strikes", "airstrike": "airstrikes",
           "exporter": "exporters"}
_STOP = ("and or but to in on at for from by with were was are is be been have had has who that "
         "which than as into over under after before since during per percent cent days weeks "
         "months years hours minutes times tens dozens hundreds thousands millions billions "
         "most some many").split() + _ONES + _TENS
# the number of "two of the" cannot stand for a singular noun: "one of the largest worker ..."
_NOT_FOR_SINGULAR = {"of", "the", "a", "an"}
_YEAR_CUES = {"in", "since", "by", "until", "till", "from", "during", "before", "after", "of", "year",
              "early", "late", "mid", "between", "and", "to", "through", "around", "circa", "spring",
              "summer", "autumn", "fall", "winter"}
_MONTHS = set("january february march april may june july august september october november december "
              "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_RATIO = re.compile(rf"\b(?:[0-9]+|{'|'.join(_ONES + _TENS)}) (?:in|out of) $", re.I)  # "one in five people"

_UNIT_RE = re.compile(
    rf"{_AMOUNT}{_SEP}(?:{'|'.join(f'(?P<u{i}>{p})' for i, (p, *_) in enumerate(_UNITS))})(?!\w)", re.I)
_PREFIX_RE = re.compile(
    r"(?<![\w$])(?P<cur>US\$|U\.S\.\$|AU?\$|CA?\$|HK\$|NZ\$|S\$|R\$|\$|€|£|¥|₹|₽|Rs\.?(?=[ ]?[0-9])"
    r"|(?-i:USD|EUR|GBP|JPY|CNY|RMB|INR|RUB|CHF|AUD|CAD|UAH|TRY|MMK|SAR|AED|ILS)(?=[ ]?[0-9]))"
    rf"[ \u00a0]?(?P<num>{_DIGITS}){_MULTS}(?!\w|\.[0-9])", re.I)
# A word between a number and what it counts: plain ("senior"), possessive ("the group's") or a dotted
# acronym ("U.N."); never a word that ends a sentence ("14 overnight. Officials") or a clock ("a.m.").
_MOD = r"(?:(?![ap]\.m\.)[a-z](?:\.[a-z])+\.?|[a-z][a-z'’-]*)"
_PEOPLE_RE = re.compile(
    rf"{_AMOUNT}[ \u00a0]+(?:(?P<mods>(?:(?!(?:{'|'.join(_STOP)})\b){_MOD}[ ]+){{0,4}}?)"
    rf"(?P<noun>{'|'.join(_PEOPLE + _SINGULAR)})|(?P<bare>{'|'.join(_BARE)}))(?!\w)", re.I)


_THING_RE = re.compile(
    rf"{_AMOUNT}[ \u00a0]+(?P<mods>(?:(?!(?:{'|'.join(_STOP)})\b){_MOD}[ ]+){{0,2}}?)"
    rf"(?P<noun>{'|'.join(sorted(set(_THINGS) | set(_THINGS.values()), key=len, reverse=True))})(?!\w)", re.I)
_THING_UNIT = {plural: single for single, plural in _THINGS.items()} | {s: s for s in _THINGS}

# "58 Palestinians", "three Americans": a count of a nationality's people (a plural demonym, not a
# country's own name such as "Maldives"; "three Chinese companies" counts companies).
_NATIONALS_RE = re.compile(rf"{_AMOUNT}[ \u00a0]+(?P<noun>(?-i:[A-Z][a-z]+s))(?!\w)", re.I)
# A span of time an act lasts or gives ("26 years in prison", "within 72 hours", "a 90-day truce");
# not a point in time ("two days ago", "two days after the vote", "two years into the war") nor an
# age ("45 years old", "a 12-year-old boy").
_DURATION_RE = re.compile(
    rf"{_AMOUNT}(?:[ \u00a0]+|-)(?P<noun>hour|day|week|month|year)(?P<plural>s)?(?!\w)"
    r"(?!-old|[ \u00a0]+(?:ago|old|earlier|later|after|before|since|of age|into)\b)", re.I)


def find_quantities(text: str) -> list[Quantity]:
    """Every amount with a unit in ``text``, sorted by offset and never overlapping."""
    found: list[tuple[int, Quantity]] = []
    for m in _PREFIX_RE.finditer(text):
        code = _PREFIX.get(m["cur"].lower(), m["cur"].upper())  # "USD 10 million": the code itself
        found.append((0, _quantity(m, code, "money", "1")))
    for m in _UNIT_RE.finditer(text):
        if _year_like(text, m):
            continue
        i = next(int(k[1:]) for k, v in m.groupdict().items() if k.startswith("u") and v is not None)
        _, unit, kind, factor = _UNITS[i]
        if kind == "money" and not unit:
            unit = "CNY" if m[f"u{i}"] == "RMB" else m[f"u{i}"]
        found.append((1, _quantity(m, unit, kind, factor)))
    for m in _PEOPLE_RE.finditer(text):
        q = _quantity(m, "person", "people", "1")
        dated = _bare_year(m["num"], 1900) and bool(m["mods"])  # "the 1994 U.N. peacekeepers": a year, no count
        if not _year_like(text, m) and not dated and not _odd_count(text, m, q) \
                and not (m["bare"] and _day_of_month(text, m)):
            found.append((2, q))
    for m in _THING_RE.finditer(text):
        q = _quantity(m, _THING_UNIT[m["noun"].lower()], "count", "1")
        if not _year_like(text, m) and not (q.value != 1 and m["noun"].lower() in _THINGS
                                             and m["noun"].lower() != _THINGS[m["noun"].lower()]):
            found.append((3, q))  # "85 targets"; not "two target" (a singular after a plural count)
    for m in _NATIONALS_RE.finditer(text):
        if _demonym(m["noun"]) and not _year_like(text, m):
            found.append((4, _quantity(m, "person", "people", "1")))
    for m in _DURATION_RE.finditer(text):
        singular = m["num"].lower() == "one" or (m["num"].isdigit() and int(m["num"]) == 1)
        if not _year_like(text, m) and (m["plural"] or text[m.end("num"):m.start("noun")] == "-" or singular):
            found.append((5, _quantity(m, m["noun"].lower(), "duration", "1")))
    # at one offset a unit beats a people count ("5 MW workers"), then the longer match wins
    found.sort(key=lambda t: (t[1].start, t[0], t[1].start - t[1].end))
    out: list[Quantity] = []
    for _, q in found:
        if not out or q.start >= out[-1].end:
            out.append(q)
    return out


def _quantity(m: re.Match[str], unit: str, kind: str, factor: str) -> Quantity:
    num = m["num"].lower()
    value = Decimal(num.replace(",", "")) if num[0].isdigit() else Decimal(_word_value(num))
    for word in re.split(r"[ -]", (m["mult"] or m["short"] or "").strip().lower()):
        if word:
            value *= Decimal(_MULT[word])
    value *= Decimal(factor)
    return Quantity(value=float(value), unit=unit, text=m.group(0), kind=kind,
                    start=m.start(), end=m.end())


def _demonym(word: str) -> bool:
    """A plural naming a country's people ("Palestinians"), not the country ("Maldives", "Emirates")."""
    code = countries.country_code(word)
    name = (countries.country_name(code) or "").lower() if code else ""
    return bool(code) and word.lower() not in name.split()


def _word_value(word: str) -> int:
    if word in ("a", "an"):
        return 1
    tens, _, ones = word.partition("-")
    return _WORDS[tens] + (_WORDS[ones] if ones else 0)


def _year_like(text: str, m: re.Match[str]) -> bool:
    """"in 2023 workers": a bare four-digit year after a time word is not a count."""
    num = m["num"]
    if not _bare_year(num, 1800) or m["mult"] or m["short"]:
        return False
    tokens = re.findall(r"[a-z]+|[0-9]+", text[max(0, m.start() - 20):m.start()].lower())
    if len(tokens) > 1 and len(tokens[-1]) <= 2 and tokens[-1].isdigit() and tokens[-2] in _MONTHS:
        return True  # "March 2, 2024"
    return bool(tokens) and tokens[-1] in _YEAR_CUES | _MONTHS


def _bare_year(num: str, earliest: int) -> bool:
    """A four-digit number that reads as a year from ``earliest`` to 2100."""
    return len(num) == 4 and num.isdigit() and earliest <= int(num) <= 2100


def _day_of_month(text: str, m: re.Match[str]) -> bool:
    """"on May 5 arrested 30 protesters": the number is a date's day, not a count of the arrested."""
    before = re.findall(r"[a-z]+", text[max(0, m.start() - 12):m.start()].lower())
    return bool(before) and before[-1] in _MONTHS


def _odd_count(text: str, m: re.Match[str], q: Quantity) -> bool:
    """A ratio ("one in five people") or a singular noun after anything but a plain "one"."""
    if _RATIO.search(text, max(0, m.start() - 20), m.start()):
        return True
    mods = set((m["mods"] or "").lower().split())
    singular = bool(m["noun"]) and m["noun"].lower() in _SINGULAR
    return singular and (q.value != 1 or bool(mods & _NOT_FOR_SINGULAR))

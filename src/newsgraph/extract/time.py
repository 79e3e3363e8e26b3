"""Time expressions in English news text, normalised against the publication date.

Detection is a small regex grammar of our own (month and weekday names, today/yesterday,
this/last/next + unit, "N units ago", years only in a year-like context, decades, ranges, and
expressions that count from the story's own day: "later that day", "a day earlier")
rather than dateparser's search, which reads bare numbers ("55 million", "the 26th") as dates
and invents a day for "in May". Each value keeps the precision the text gives, and a relative
expression with no publication date keeps its text with value None: a date is never invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from newsgraph.model import Event, Precision, TimeValue

_MONTH_NAMES = ("January February March April May June July August September October November "
                "December").split()
MONTHS = {m.lower(): i + 1 for i, m in enumerate(_MONTH_NAMES)}
MONTHS.update(jan=1, feb=2, mar=3, apr=4, jun=6, jul=7, aug=8, sep=9, sept=9, oct=10, nov=11, dec=12)
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
NUMBERS = dict(a=1, an=1, one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9,
               ten=10, eleven=11, twelve=12, twenty=20, thirty=30, fifty=50)

# Month names are matched case-sensitively: "may"/"march" in lower case are a verb and a noun.
_MONTH_ALT = "|".join(_MONTH_NAMES)
_MON = rf"\b(?P<mon>{_MONTH_ALT}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
_WD = r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_PREP = (r"(?:\b(?P<prep>(?i:in|on|since|during|until|till|by|before|after|from|between|through"
         r"|throughout))\s+)?")
_MOD = r"(?:\b(?P<mod>(?i:early|earlier|late|later|mid|the\s+(?:end|start|beginning|middle)\s+of))(?:\s+|-))?"
_QUAL = r"(?:\b(?P<q>(?i:this|last|next|previous|coming))\s+)?"
_YEAR = r"(?<![\d$£€.,/])(?P<y>1[89]\d\d|20\d\d|2100)(?![\d%]|[.,]\d|\s*per\s*cent)"
_DAY = r"(?<![\d.,])(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_NUM = "|".join(NUMBERS)

_PATTERNS = [re.compile(p) for p in (
    _PREP + r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
    _PREP + rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?",
    _PREP + rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?",
    _PREP + _MOD + _QUAL + rf"{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?",
    _PREP + _QUAL + _WD,
    _PREP + _MOD + r"\b(?P<q>(?i:this|last|next|previous|coming))\s+(?P<unit>(?i:week|weekend|month|year))\b",
    r"\b(?P<word>(?i:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)))\b",
    _PREP + rf"\b(?P<n>\d{{1,3}}|(?i:{_NUM}))\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b",
    _PREP + _MOD + _YEAR,
    _PREP + r"(?:(?i:the)\s+)?" + _MOD + r"\b(?P<dec>(?:18|19|20)\d0)'?s\b",
    _PREP + _YEAR + r"\s*[-–—]\s*(?P<y2>1[89]\d\d|20\d\d)(?!\d)",
)]
# A bare year or month counts as a date only in a date-like context (see _build).
_YEAR_BEFORE = re.compile(r"(?:\b(?:of|to|and|or)\s+|[-–—]\s*)$", re.I)
_MONTH_BEFORE = re.compile(rf"(?:{_MONTH_ALT}|\d{{4}})\s*(?:and|or|to|until|through|[-–—])\s*$")
_MONTH_AFTER = re.compile(rf"\s*(?:and|or|to|until|through|[-–—])\s*(?:{_MONTH_ALT})\b")
_CONNECTOR = re.compile(r"\s*(and|to|until|till|through|[-–—])\s*", re.I)
_LIST = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|to|until|till|through)\b|[-–—])?\s*", re.I)
_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}
_QUAL_OFFSET = {"this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}

# Cues for guessing tense from the words near an expression when no parse is available.
_FUTURE = re.compile(r"\b(?:will|shall|would|won't|(?:is|are|be)\s+(?:due|expected|scheduled|planned)"
                     r"|(?:due|set|expected|scheduled|going|plans?|planning|intends?|aims?)\s+to"
                     r"|scheduled\s+for|upcoming)\b|'ll\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|has|have|did|said|told|ago|held|met|took|made|came|went|began|won|lost"
                   r"|rose|fell|saw|gave|sent|left|led|paid|sold|bought|built|struck|became|spoke|fled"
                   r"|fought|grew|broke|[a-z]{2,}[^e\W]ed)\b")
# Expressions that count from the time the story is at, not from the publication date ("later that
# day", "a day earlier", "within hours"): fixed against the last dated event told before them.
_ANAPHORIC = re.compile(
    r"\b(?i:(?P<same>(?:later|earlier)\s+(?:on\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)"
    r"|(?:on\s+|by\s+)?(?:that|the)\s+same\s+day(?!\s+(?:as|that|of)\b)|(?:earlier|later)\s+in\s+the\s+day"
    r"|within\s+hours(?!\s+(?:of|after|before))"
    r"|(?:^|(?<=[.,;:(]\s)|(?<=\n))hours\s+(?:later|earlier)(?!\s+than)"
    r"|that\s+(?:morning|afternoon|evening|night)(?=\s*[,.;)]|\s*$|\s+(?:on|in|at|near|when|as|after|before)\b)"
    r"|during\s+the\s+night(?!\s+of\b))"
    r"|(?P<n>a|one|two|three|four|five|six|[1-6])\s+days?\s+(?P<dir>later|earlier)"
    r"|the\s+(?P<next>next|following)\s+day|the\s+day\s+(?P<ba>before|after)(?=\s*[,.;]))\b", re.M)
_SENTENCE = re.compile(r"[.!?][\"')\]]?\s|\n")
_CLAUSE = re.compile(r"[,;:()\u2014]|\b(?:that|which|who|but|while|and)\b")
T = TypeVar("T", date, tuple[int, int, int])


@dataclass(frozen=True)
class _Atom:
    """One detected expression before it is fixed against the anchor."""

    start: int
    end: int
    kind: str  # date, weekday, unit, decade, range
    prep: str | None = None
    q: str | None = None  # this / last / next ...
    y: int | None = None
    m: int | None = None
    d: int | None = None
    n: int = 0  # weekday index, or offset in `unit`
    unit: str | None = None
    wd: int | None = None  # weekday stated with a date ("Tuesday, March 5"): picks the year
    parts: tuple[_Atom, ...] = ()


def _build(mt: re.Match[str], text: str) -> _Atom | None:
    """Turn a pattern match into an atom, or None when the context says it is not a date."""
    g = {k: v for k, v in mt.groupdict().items() if v}
    s, e = mt.span()
    prep = g["prep"].lower() if "prep" in g else None
    q = g["q"].lower() if "q" in g else None
    if "word" in g:
        w = re.sub(r"\s+", " ", g["word"].lower())
        return _Atom(s, e, "unit", unit="day", n=_WORDS.get(w, 0))
    if "n" in g:
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        unit = g["unit"].lower()
        return _Atom(s, e, "unit", prep, unit="year" if unit == "decade" else unit,
                     n=-n * (10 if unit == "decade" else 1))
    if "unit" in g:
        return _Atom(s, e, "unit", prep, unit=g["unit"].lower(), n=_QUAL_OFFSET[q or "this"])
    if "dec" in g:
        return _Atom(s, e, "decade", prep, y=int(g["dec"]))
    if "y2" in g:
        y1, y2 = int(g["y"]), int(g["y2"])
        return _Atom(s, e, "range", prep, parts=(_Atom(s, e, "date", y=y1), _Atom(s, e, "date", y=y2))) \
            if y1 < y2 else None
    y = int(g["y"]) if "y" in g else None
    if "mon" in g:
        mon = g["mon"].rstrip(".")
        bare = not (prep or q or y or "d" in g or "mod" in g)
        if mon not in _MONTH_NAMES and not (y or "d" in g):
            return None  # "Mar", "Dec." alone are too ambiguous
        if bare and not (_MONTH_BEFORE.search(text, max(0, s - 16), s)
                         or _MONTH_AFTER.match(text, e)):
            return None  # "March on Washington", "May said"
        return _Atom(s, e, "date", prep, q, y, MONTHS[mon.lower()], int(g["d"]) if "d" in g else None,
                     wd=WEEKDAYS.index(g["wd"].lower()) if "wd" in g else None)
    if "m" in g:
        return _Atom(s, e, "date", prep, y=y, m=int(g["m"]), d=int(g["d"]))
    if "wd" in g:
        return _Atom(s, e, "weekday", prep, q, n=WEEKDAYS.index(g["wd"].lower()))
    if not (prep or "mod" in g or _YEAR_BEFORE.search(text, max(0, s - 8), s)):
        return None  # a 4-digit number that does not read as a year
    return _Atom(s, e, "date", prep, y=y)


# Every time expression contains one of these anchors; the full patterns only run in windows around
# them, and only the patterns whose anchor kind the window holds (most of a news text has a digit
# or a weekday somewhere near, far less often all four kinds).
_ANCHOR = re.compile(rf"(?P<digit>\d)|(?P<month>{_MONTH_ALT}|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
                     r"|(?P<wd>day\b)"
                     r"|(?P<rel>(?i:today|tonight|tomorrow|night|morning|afternoon|evening|week|month|year|ago))")
_WINDOW = 60  # characters either side of an anchor: longer than any prefix or suffix a pattern reads
# The anchor kinds each of _PATTERNS needs, one of which must be in a window for it to match there.
_NEEDS = ({"digit"}, {"month"}, {"month"}, {"month"}, {"wd"}, {"rel"}, {"rel", "wd"}, {"rel"}, {"digit"},
          {"digit"}, {"digit"})


def _windows(text: str) -> list[tuple[int, int, set[str]]]:
    out: list[tuple[int, int, set[str]]] = []
    for m in _ANCHOR.finditer(text):
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        kind = m.lastgroup or ""
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi, out[-1][2] | {kind})
        else:
            out.append((lo, hi, {kind}))
    return out


def _scan(text: str) -> list[_Atom]:
    """All atoms, longest first among overlaps, sorted by start, joined into ranges."""
    seen: set[tuple[int, int, int]] = set()
    cands = []
    for lo, hi, kinds in _windows(text):
        for k, p in enumerate(_PATTERNS):
            if not _NEEDS[k] & kinds:
                continue
            for mt in p.finditer(text, lo, hi):
                if (k, mt.start(), mt.end()) not in seen and (a := _build(mt, text)):
                    seen.add((k, mt.start(), mt.end()))
                    cands.append(a)
    chosen: list[_Atom] = []
    for a in sorted(cands, key=lambda a: (a.start - a.end, a.start)):
        if all(a.end <= c.start or a.start >= c.end for c in chosen):
            chosen.append(a)
    out: list[_Atom] = []
    for b in sorted(chosen, key=lambda a: a.start):
        a = out[-1] if out else None
        if a and _LIST.fullmatch(text, a.end, b.start) and a.kind == b.kind == "date" \
                and a.y is None and a.q is None and b.y and a.m and b.m:
            a = out[-1] = replace(a, y=b.y - (a.m > b.m))  # "between March and June 2023"
        if a and a.kind != "range" and b.kind != "range" and _joins(text, a, b):
            out[-1] = _Atom(a.start, b.end, "range", a.prep, parts=(a, b))
        else:
            out.append(b)
    return out


def _joins(text: str, a: _Atom, b: _Atom) -> bool:
    """Whether a and b are the two ends of one range ("from X to Y", "between X and Y", "X-Y")."""
    gap = text[a.end:b.start]
    conn = _CONNECTOR.fullmatch(gap)
    if conn and b.prep is None:
        return conn.group(1).lower() != "and" or a.prep == "between"
    return not gap.strip() and a.prep in ("from", "between") and b.prep in ("until", "till", "through")


def _pick(cands: list[T], ref: T, dist: Callable[[T], int], q: str | None, tense: str | None) -> T:
    """The occurrence the qualifier or tense points to: last/next strictly before/after the
    anchor, future the first not before it, present the nearest, otherwise the last not after it."""
    if q in ("last", "previous"):
        return max((c for c in cands if c < ref), default=min(cands))
    if q in ("next", "coming"):
        return min((c for c in cands if c > ref), default=max(cands))
    past = max((c for c in cands if c <= ref), default=min(cands))
    future = min((c for c in cands if c >= ref), default=max(cands))
    if tense == "future" or (tense == "present" and dist(future) < dist(past)):
        return future
    return past


def _resolve(a: _Atom, anchor: date | None, tense: str | None) -> tuple[str | None, Precision | None]:
    """Fix an atom to an ISO value at its own precision, or (None, None) when it cannot be."""
    if a.prep == "since":
        tense = "past"
    if a.kind == "range":
        return _resolve_range(a, anchor, tense)
    if a.kind == "decade":
        return f"{a.y}/{(a.y or 0) + 9}", "decade"
    if a.kind == "date" and a.y is not None:
        return _iso(a.y, a.m, a.d)
    if anchor is None:
        return None, None
    if a.kind == "unit":
        return _shift(anchor, a.unit or "day", a.n)
    if a.kind == "weekday":
        days = [anchor + timedelta(k) for k in range(-7, 8) if (anchor + timedelta(k)).weekday() == a.n]
        return str(_pick(days, anchor, lambda d: abs((d - anchor).days), a.q, tense)), "day"
    if a.q == "this":
        return _iso(anchor.year, a.m, a.d)
    m, d = a.m or 1, a.d or 0  # compare (year, month, day) tuples, day 0 for a bare month
    ak = (anchor.year, anchor.month, anchor.day if d else 0)
    keys = [(y, m, d) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if a.wd is not None and d:
        keys = [k for k in keys if _weekday(*k) == a.wd] or keys
    key = _pick(keys, ak, lambda k: abs(k[0] * 12 + k[1] - ak[0] * 12 - ak[1]), a.q, tense)
    return _iso(key[0], a.m, a.d)


def _resolve_range(a: _Atom, anchor: date | None, tense: str | None) -> tuple[str | None, Precision | None]:
    """Both ends of a range; an open year is fixed on one end and carried to the other."""
    x, y = a.parts
    if x.kind == y.kind == "date" and x.y is None is y.y and x.m and y.m and not x.q and not y.q:
        later = x.m > y.m  # "from November to February" crosses a new year
        if tense == "future":
            vx = _resolve(x, anchor, tense)[0]
            y = replace(y, y=int(vx[:4]) + later) if vx else y
        else:
            vy = _resolve(y, anchor, tense)[0]
            x = replace(x, y=int(vy[:4]) - later) if vy else x
    vx, vy = _resolve(x, anchor, tense)[0], _resolve(y, anchor, tense)[0]
    if vx is None or vy is None:
        return None, None
    return f"{vx.split('/')[0]}/{vy.split('/')[-1]}", "range"


def _weekday(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).weekday()
    except ValueError:
        return None


def _iso(y: int, m: int | None, d: int | None) -> tuple[str | None, Precision | None]:
    if m is None:
        return f"{y:04d}", "year"
    if d is None:
        return f"{y:04d}-{m:02d}", "month"
    try:
        return date(y, m, d).isoformat(), "day"
    except ValueError:
        return None, None  # "30 February"


def _shift(anchor: date, unit: str, n: int) -> tuple[str, Precision]:
    """anchor moved by n units; weeks become Monday/Sunday ranges as we have no week precision."""
    if unit == "day":
        return (anchor + timedelta(n)).isoformat(), "day"
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(anchor.weekday()) + timedelta(7 * n)
        first = monday + timedelta(5 if unit == "weekend" else 0)
        return f"{first}/{monday + timedelta(6)}", "range"
    if unit == "month":
        k = anchor.year * 12 + anchor.month - 1 + n
        return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
    return f"{anchor.year + n:04d}", "year"


def _cues(s: str) -> list[tuple[int, int, str]]:
    fut = [(mt.start(), mt.end(), "future") for mt in _FUTURE.finditer(s)]
    past = [(mt.start(), mt.end(), "past") for mt in _PAST.finditer(s)
            if not any(f[0] <= mt.start() < f[1] for f in fut)]  # "expected to" is not past
    return fut + past


def _guess_tense(text: str, start: int, end: int) -> str:
    """Tense from the nearest cue word, in the expression's clause first, then its sentence.

    Defaults to past: news mostly reports what happened.
    """
    before = _SENTENCE.split(text[max(0, start - 300):start])[-1]
    after = _SENTENCE.split(text[end:end + 300])[0]
    for b, f in ((_CLAUSE.split(before)[-1], _CLAUSE.split(after)[0]), (before, after)):
        near = [(len(b) - ce, t) for cs, ce, t in _cues(b)] + [(cs, t) for cs, ce, t in _cues(f)]
        if near:
            return min(near, key=lambda x: (x[0], x[1] != "past"))[1]
    return "past"


def find_times(text: str, anchor: date | None,
               tense_at: Callable[[int], str | None] | None = None) -> list[TimeValue]:
    """All time expressions in `text`, sorted and non-overlapping, fixed against `anchor`.

    `tense_at(offset)` gives the tense of the governing verb; without it (or when it returns
    None) the tense is guessed from nearby cue words.
    """
    out = []
    for a in _scan(text):
        tense = (tense_at(a.start) if tense_at else None) or _guess_tense(text, a.start, a.end)
        value, precision = _resolve(a, anchor, tense)
        out.append(TimeValue(text[a.start:a.end], value, precision, a.start, a.end))
    for mt in _ANAPHORIC.finditer(text):
        if not any(t.start < mt.end() and mt.start() < t.end for t in out):
            out.append(TimeValue(mt.group(0), None, "day", mt.start(), mt.end(), relative_days=_days_from_story(mt)))
    return sorted(out, key=lambda t: t.start)


def _days_from_story(mt: re.Match[str]) -> int:
    """How many days after the story's time an anaphoric expression puts its event."""
    if mt.group("n"):
        n = NUMBERS.get(mt.group("n").lower()) or int(mt.group("n"))
        return n if mt.group("dir").lower() == "later" else -n
    if mt.group("next"):
        return 1
    if mt.group("ba"):
        return -1 if mt.group("ba").lower() == "before" else 1
    return 0


def normalise(expr: str, anchor: date | None, tense: str | None = None) -> TimeValue:
    """One expression -> TimeValue. dateparser is asked only when our grammar leaves part of the
    expression unread and it holds a full explicit date (day, month name, year): "March the 3rd, 2024"."""
    atoms = _scan(expr)
    a = max(atoms, key=lambda a: a.end - a.start) if atoms else None
    if (a is None or a.end - a.start < len(expr.strip())) and re.search(r"\b\d{4}\b", expr) \
            and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", expr) \
            and any(w.lower() in MONTHS for w in re.findall(r"[A-Za-z]+", expr)):
        import dateparser  # slow to import; only needed here

        dt = dateparser.parse(expr, languages=["en"], settings={"STRICT_PARSING": True})
        if dt is not None:
            return TimeValue(expr, dt.date().isoformat(), "day")
    if a is None:
        return TimeValue(expr, None, None)
    return TimeValue(expr, *_resolve(a, anchor, tense or _guess_tense(expr, a.start, a.end)))


# How far back (characters) an untimed event still belongs to the dated one told before it.
NARRATIVE_REACH = 400


def date_untimed(events: list[Event], published: date | None) -> list[Event]:
    """Give every event whose sentence states no time the time it is told at: that of the dated
    event just before it (a report's next sentence goes on about the same day), else the story's
    day (``_news_day``: the first day told in the week up to publication, else the publication
    date), as event datasets date a story's events. A given time has no text (it is
    read from the story, not stated in it) and no offsets. An expression that counts from the
    story's day ("later that day", "a day earlier") is fixed against the last day stated before it
    (``_from_story``). Hypothetical events get none; without a
    publication date or a dated event before, an event stays untimed. Order is kept."""
    given: dict[int, TimeValue] = {}
    last: tuple[TimeValue, int] | None = None
    story_day: TimeValue | None = None  # the last day stated: "later that day" is never "in 2021"
    told = sorted(enumerate(events), key=lambda kv: kv[1].position)  # in the order the text tells them
    news_day = _news_day([ev for _, ev in told], published)
    for k, ev in told:
        if ev.time is not None and ev.time.value:
            if ev.time.text:
                last = (ev.time, ev.position)
                story_day = ev.time if ev.time.precision == "day" else story_day
        elif ev.time is not None and ev.time.relative_days is not None:
            fixed = _from_story(ev.time, story_day, published)
            if fixed is not None:  # "later that day": the day the story is at; with neither a day
                given[k] = fixed  # told before nor a publication date, it stays unfixed
                last = (fixed, ev.position)
                story_day = fixed
        elif ev.modality != "hypothetical":
            if last is not None and 0 <= ev.position - last[1] <= NARRATIVE_REACH:
                given[k] = TimeValue("", last[0].value, last[0].precision)
            elif news_day is not None:
                given[k] = TimeValue("", news_day, "day")
    return [replace(ev, time=given[k]) if k in given else ev for k, ev in enumerate(events)]


# How many days before publication the first dated event may lie and still be the story's day.
NEWS_DAY_REACH = 7


def _news_day(told: list[Event], published: date | None) -> str | None:
    """The day the story is about: the first day an event states in the week up to publication
    ("on Monday" in a Tuesday paper), else the publication date. Not only the lead's: an analysis
    often dates its news further down, and on dev keeping to the first two sentences lost more
    than it saved (a background day told early, "police had shot two men on May 1", is the cost)."""
    if published is None:
        return None
    earliest = (published - timedelta(days=NEWS_DAY_REACH)).isoformat()
    for ev in told:  # in text order
        t = ev.time
        if t is not None and t.text and t.value and t.precision == "day" \
                and earliest <= t.value <= published.isoformat():
            return t.value
    return published.isoformat()


def _from_story(time: TimeValue, story: TimeValue | None, published: date | None) -> TimeValue | None:
    """An anaphoric expression fixed against the story's day (the last day an event before it
    stated, else the publication date): that day for "later that day", the day before for "a day
    earlier"; None without either."""
    days = time.relative_days or 0
    try:
        day = date.fromisoformat(story.value) if story is not None and story.value else published
    except ValueError:
        return None
    if day is None:
        return None
    return replace(time, value=(day + timedelta(days=days)).isoformat(), precision="day")

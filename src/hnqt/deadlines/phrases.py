"""The grammar of deadline phrases: words as Vietnamese plans write them -> clauses.

The phrase is folded (case, diacritics: `Quý`/`Quí`/`QUÝ` -> `quy`) one character for one, so
every clause can keep the original words it came from. A cell is read whole when a rule covers
it, else split at a separator (`;` `,` `và` `+`, a new line) into parts that must each be read
whole: a phrase understood only in part is refused, never guessed.

Building blocks: a *span* (a day, a month, months, a quarter, a half-year, a year, a school
year, with or without its year), a *period word* (`hằng tháng`, `hằng quý`, `định kỳ 6
tháng`, `hằng năm`), and *named days* (`trước ngày 20`, `15/11`, `ngày 10 tháng 01`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from ..dates import DateError, make_date, month_end
from ..names import collapse, plain_key
from .schedule import MAX_YEAR, MIN_YEAR, Clause, DeadlineError, Every, Precision

_QUARTER = r"(iv|iii|ii|i|[1-4])"
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR_SEP = r"\s*(?:/|-|,?\s*nam)\s*|\s+"  # Quý IV/2025, Quý IV-2025, Quý III Năm 2026, 6 2026
# Words that say what is done (or that it is a duty), before the time itself: "Hoàn thành trong
# năm 2026", "Cơ bản hoàn thành trong năm 2025", "Nhiệm vụ thường xuyên".
_VERBS = (
    "hoan thanh", "co ban hoan thanh", "nhiem vu", "trien khai", "thuc hien", "xay dung",
    "ban hanh", "trinh", "to chuc",
    "van hanh", "duy tri", "bao cao", "cap nhat", "tong ket", "so ket", "hoan thien",
    "dua vao su dung", "dua vao van hanh", "ap dung", "bat dau", "ket thuc", "dieu chinh",
    "bo sung", "sua doi", "tong hop", "gui", "danh gia", "kiem tra", "dang ky",
)  # fmt: skip
_VERB = r"(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")"
_LEAD_VERBS = re.compile(rf"(?:{_VERB}(?:\s*,\s*|\s+va\s+|\s+))+")
_ONLY_VERBS = re.compile(rf"{_VERB}(?:\s*(?:,|va)?\s*{_VERB})*")
_ONGOING = r"(?:thuong xuyen|lien tuc|hang ngay)(?:\s*,?\s*(?:va\s+)?(?:thuong xuyen|lien tuc))?"
_EVERY = re.compile(
    r"(?:dinh ky\s*,?\s*)?(?:hang|moi)\s+(?P<a>thang|quy|nam|0?6 thang|sau thang)"
    r"|dinh ky\s+(?P<b>thang|quy|nam|0?6 thang|sau thang)"
    r"|(?P<c>0?6 thang|sau thang)\s*(?:(?:mot|1)\s+lan|/\s*lan)"
    r"|\btheo\s+(?P<d>thang|quy|nam)\b"  # "Theo quý" is how often, not "theo (văn bản) …"
    r"|\b(?P<e>nam)\s+n\b(?!\s*[-+])"  # "trước ngày 30 tháng 6 năm N": of every year N
    r"|\b(?:0?1|mot)\s+lan\s*/\s*(?P<f>thang|quy|nam)\b"  # "01 lần/năm"
)
_EVERY_OF = {"thang": "month", "quy": "quarter", "nam": "year", "6 thang": "half",
             "06 thang": "half", "sau thang": "half"}  # fmt: skip
# Bodies that issue documents: an awaited event names one of them, or nobody.
_BODIES = (
    "bo ", "chinh phu", "thu tuong", "uy ban", "ubnd", "hoi dong", "hdnd", "quoc hoi", "so ",
    "ban ", "cuc ", "van phong", "ngan hang", "tong cuc", "thanh uy", "tinh uy", "trung uong",
)  # fmt: skip
_EVENT_CUES = re.compile(
    r"\b(?:ban hanh|hoan thanh|xay dung xong|phe duyet|co hieu luc|ky ket|duoc|co|giao|"
    r"huong dan|yeu cau|phat sinh|thanh lap|ky|chi dao|thong qua|"
    r"nhan|nop|tien hanh|thuc hien|trien khai|bat dau|xay ra|ket thuc)\b"  # received, filed, done
)
_ACTOR_VERBS = re.compile(
    r"\s+(?:ban hanh|hoan thanh|xay dung xong|phe duyet|co huong dan|huong dan|co van ban|"
    r"co quyet dinh|co y kien|thong qua)\b"
)


class _Span(NamedTuple):
    """A stretch of time a phrase names; `year` None when the phrase gives no year."""

    precision: Precision | str  # also "school_year": only ever a start
    year: int | None
    first: tuple[int, int | None]  # (month, day) it starts: day None = the 1st
    last: tuple[int, int | None]  # (month, day) it ends: day None = the month's last day
    last_year: int | None = None  # when it ends in another year (a school year, a range)

    def start(self) -> date:
        assert self.year is not None
        return date(self.year, self.first[0], self.first[1] or 1)

    def end(self) -> date:
        year = self.last_year or self.year
        assert year is not None
        month, day = self.last
        return month_end(year, month) if day is None else date(year, month, day)

    def with_year(self, year: int) -> _Span:
        return self._replace(year=year)


def _year(text: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeadlineError(f"năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
    return year


def _month(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise DeadlineError(f"tháng {month} không tồn tại")
    return month


def _day_in(year: int | None, month: int, day: int) -> tuple[int, int]:
    """A day that exists (in a leap year when the year is not known: 29/02 may)."""
    make_date(year if year is not None else 2024, month, day)
    return month, day


_HALF = r"(?:0?6\s+thang|sau\s+thang|nua\s+nam)\s+(dau|cuoi)"
_SPANS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:ngay\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})"), "dmy"),
    (re.compile(r"(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*,?\s*nam\s+(\d{4})"), "dm_y"),
    (re.compile(r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})"), "dm_y"),
    (re.compile(r"(?:ngay\s+)?(\d{1,2})(?:\s*/\s*|-)(\d{1,2})"), "dm"),
    (re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})"), "dm"),
    (re.compile(rf"thang\s+(\d{{1,2}})\s*(?:-|den|va|,)\s*(?:thang\s+)?(\d{{1,2}})"
                rf"(?:{_YEAR_SEP})(\d{{4}})"), "mm_y"),
    (re.compile(rf"thang\s+(\d{{1,2}})(?:{_YEAR_SEP})(\d{{4}})"), "m_y"),
    (re.compile(r"(\d{1,2})\s*/\s*(\d{4})"), "m_y"),
    (re.compile(r"thang\s+(\d{1,2})"), "m"),
    (re.compile(rf"quy\s+{_QUARTER}\s*(?:-|den|va|,)\s*(?:quy\s+)?{_QUARTER}"
                rf"(?:{_YEAR_SEP})(\d{{4}})"), "qq_y"),
    (re.compile(rf"quy\s+{_QUARTER}(?:{_YEAR_SEP})(\d{{4}})"), "q_y"),
    (re.compile(rf"quy\s+{_QUARTER}"), "q"),
    (re.compile(_HALF + r"(?:\s+nam)?\s*,?\s*(\d{4})"), "h_y"),
    (re.compile(_HALF + r"\s+nam"), "h"),
    (re.compile(r"nam\s+hoc\s+(\d{4})\s*-\s*(\d{4})"), "school"),
    (re.compile(r"(?:nam\s+)?(\d{4})"), "y"),
]  # fmt: skip


def _span(s: str) -> _Span | None:
    """A span written alone, or None when `s` is not one."""
    for pattern, form in _SPANS:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        g = m.groups()
        year: int | None
        if form == "dmy":
            year = _year(g[3])
            month, day = _day_in(year, _month(g[2]), int(g[0]))
            return _Span("day", year, (month, day), (month, day))
        if form in ("dm_y", "dm"):
            year = _year(g[2]) if form == "dm_y" else None
            month, day = _day_in(year, _month(g[1]), int(g[0]))
            return _Span("day", year, (month, day), (month, day))
        if form == "mm_y":
            first, last = _month(g[0]), _month(g[1])
            if last < first:
                raise DeadlineError(f"tháng {first} - {last}: tháng cuối đứng trước tháng đầu")
            return _Span("month", _year(g[2]), (first, None), (last, None))
        if form in ("m_y", "m"):
            month = _month(g[0])
            return _Span("month", _year(g[1]) if form == "m_y" else None, (month, None),
                         (month, None))  # fmt: skip
        if form == "qq_y":
            first, last = _QUARTERS[g[0]], _QUARTERS[g[1]]
            if last < first:
                raise DeadlineError(f"quý {g[0].upper()} - {g[1].upper()}: quý cuối đứng trước")
            return _Span("quarter", _year(g[2]), (first * 3 - 2, None), (last * 3, None))
        if form in ("q_y", "q"):
            quarter = _QUARTERS[g[0]]
            year = _year(g[1]) if form == "q_y" else None
            return _Span("quarter", year, (quarter * 3 - 2, None), (quarter * 3, None))
        if form in ("h_y", "h"):
            first = 1 if g[0] == "dau" else 7
            year = _year(g[1]) if form == "h_y" else None
            return _Span("half", year, (first, None), (first + 5, None))
        if form == "school":
            start, end = _year(g[0]), _year(g[1])
            if end != start + 1:
                raise DeadlineError(f"năm học {start}-{end}: hai năm phải liền nhau")
            return _Span("school_year", start, (9, None), (5, None), end)
        return _Span("year", _year(g[0]), (1, None), (12, None))
    return None


# --- the phrase as a whole --------------------------------------------------------------------


def fold(text: str) -> str:
    """One folded character for each character of `text` (so slices line up with it)."""
    out = []
    for ch in text:
        folded = plain_key(ch) or ch.casefold() or ch
        out.append(folded[0] if folded[0].isascii() else ch)
    key = "".join(out)
    key = re.sub(r"\bqui\b", "quy", key)  # same length: the slices still line up
    key = key.translate(str.maketrans("–—()", "--, "))
    # "ngày 15 (mười lăm)": the number said again in words is blanked, length kept.
    return _SPELLED.sub(lambda m: " " * len(m[0]), key)


_NUMBER_WORDS = r"(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|linh|le|tram|nghin)"
_SPELLED = re.compile(rf"(?<=\d)\s*,\s*{_NUMBER_WORDS}(?:\s+{_NUMBER_WORDS})*\s(?=\s|$)")


def source_text(text: str) -> str:
    """What is read: each line of the cell collapsed, lines joined as separate schedules,
    trailing full stops dropped."""
    lines = [collapse(line).rstrip(" .") for line in text.splitlines()]
    return "; ".join(line for line in lines if line).rstrip(" .;,")


MAX_LENGTH = 500  # real cells are under 200 characters; reading is quadratic in the length


def parse_clauses(source: str) -> tuple[Clause, ...]:
    """Every clause of a cell, or DeadlineError when any part of it is not understood."""
    if len(source) > MAX_LENGTH:
        raise DeadlineError(
            f"thời hạn dài {len(source)} ký tự (tối đa {MAX_LENGTH}): ghi riêng phần thời hạn"
        )
    key = fold(source)
    if not key.strip():
        return ()
    reader = _Reader(source, key)
    try:
        found = reader.cell(0, len(key))
        if found is None:
            raise DeadlineError(f"không hiểu thời hạn “{source}”" + reader.unread())
    except DateError as exc:
        raise DeadlineError(str(exc)) from None
    return _shared_years(found)


def _shared_years(clauses: list[Clause]) -> tuple[Clause, ...]:
    """`Quý I và Quý II năm 2026`, `tháng 02 và quý I năm 2025`: a part without a year takes the
    year of the dated part that follows it in the same cell, when that keeps them in order."""
    out = list(clauses)
    for i in range(len(out) - 1, -1, -1):
        clause, later = out[i], out[i + 1] if i + 1 < len(out) else None
        if clause.needs_year and later is not None and later.kind == "due" and later.due:
            day = clause.in_year(later.due.year)
            if day <= later.due:
                out[i] = Clause("due", clause.text, clause.precision, day)
    return tuple(out)


_SEPARATOR = re.compile(r"\s*(?:;|,|\+|\bva\b|\bcung\b|\bhoac\b)\s*|\s+(?=[a-z])")


class _Reader:
    def __init__(self, shown: str, key: str) -> None:
        self.shown, self.key = shown, key
        # Each stretch is read once: without this, many separators make the search exponential.
        self.cells: dict[tuple[int, int], list[Clause] | None] = {}

    def text(self, lo: int, hi: int) -> str:
        return self.shown[lo:hi].strip(" ,;")

    def unread(self) -> str:
        """Which parts, between punctuation, are not understood (when the others are)."""
        bounds = [0]
        for m in _SEPARATOR.finditer(self.key):
            if m[0].strip():
                bounds += [m.start(), m.end()]
        bounds.append(len(self.key))
        parts = list(zip(bounds[::2], bounds[1::2], strict=True))
        bad = [self.text(lo, hi) for lo, hi in parts if self.cell(lo, hi) is None]
        if not bad or len(bad) == len(parts):
            return ""
        return ": không đọc được " + ", ".join(f"“{part}”" for part in bad)

    def cell(self, lo: int, hi: int) -> list[Clause] | None:
        """Read key[lo:hi] whole, else as a part read whole followed by the rest."""
        if (lo, hi) not in self.cells:
            self.cells[lo, hi] = self._cell(lo, hi)
        return self.cells[lo, hi]

    def _cell(self, lo: int, hi: int) -> list[Clause] | None:
        whole = self.segment(lo, hi)
        if whole is not None:
            return whole
        # Punctuation and words ("và", "hoặc") part a cell before a bare space may: "trước ngày
        # 20 tháng 12 hằng năm hoặc đột xuất" is a yearly day and an event, not a day and a year.
        splits = sorted(_SEPARATOR.finditer(self.key, lo, hi), key=lambda m: not m[0].strip())
        for m in splits:
            if m.start() == lo or m.end() == hi:
                continue
            left = self.segment(lo, m.start())
            # A bare space never ends free text (an event, a delegation) nor a date without its
            # year: "trước ngày 20 tháng 12 hằng năm" is one timing, not a day and a year.
            if left is None or (
                not m[0].strip()
                and (left[-1].kind in ("event", "delegated") or left[-1].needs_year)
            ):
                continue
            right = self.cell(m.end(), hi)
            # A day without its year right after a period word is that period's day ("Định kỳ 06
            # tháng (trước ngày 05 tháng 6)"), never a one-time date of its own.
            if (
                right
                and left[-1].kind == "recurring"
                and left[-1].day is None
                and right[0].needs_year
            ):
                continue
            # "… hoặc đột xuất khi có yêu cầu": "or" adds an awaited event, never a second date
            # (of "Quý III hoặc Quý IV", either date could be the wrong one).
            if right is not None and ("hoac" not in m[0] or all(c.kind == "event" for c in right)):
                return left + right
        return None

    def segment(self, lo: int, hi: int) -> list[Clause] | None:
        s = self.key[lo:hi].strip(" ,;")
        text = self.text(lo, hi)
        if not s:
            return None
        start = self.key.index(s, lo)
        if m := re.search(r",?\s*neu co\s*$", s):
            rest = s[: m.start()].rstrip(" ,")
            # A follow-up "if any": a one-off event, whatever precedes it (never a recurrence).
            if not rest or _ONLY_VERBS.fullmatch(rest) or self.segment(start, start + len(rest)):
                return [Clause("event", text)]
            return None
        lead = _LEAD_VERBS.match(s)
        body = s[lead.end() :] if lead and lead.end() < len(s) else s
        offset = start + (len(s) - len(body))
        return _rules(body, text, self.shown[offset : offset + len(body)])


_THROUGHOUT = re.compile(r"(?:(?:ngay\s+)?tu khi bat dau\s+(?:va\s+)?)?trong suot qua trinh\s+(.+)")


def _rules(s: str, text: str, original: str) -> list[Clause] | None:
    """One part of a cell, read whole by the first rule that covers it."""
    if re.fullmatch(_ONGOING, s):
        return [Clause("ongoing", text)]
    if s.startswith("theo yeu cau"):  # "theo yêu cầu của …": whenever asked, like "khi có yêu cầu"
        return [Clause("event", text)]
    if s.startswith("theo ") and not _OTHER_TIMING.search(s):
        return [Clause("delegated", text)]
    event = _event(s, text, original)
    if event is not None:
        return event
    # "(ngay từ khi bắt đầu và) trong suốt quá trình …": for as long as the work lasts.
    if (m := _THROUGHOUT.fullmatch(s)) and not _OTHER_TIMING.search(m[1]):
        return [Clause("ongoing", text)]
    # "Báo cáo 06 tháng gửi trước ngày 20 tháng 6", "báo cáo năm gửi trước …" (the report's name
    # was read as a lead verb): that period's report, sent on a named day of each year.
    if m := re.fullmatch(r"(?:0?6 thang|sau thang|nam)\s+gui\s+(.+)", s):
        days = _named_days(m[1], "year")
        if days and all(month is not None and day is not None for month, day in days):
            return [Clause("recurring", text, every="year", month=month, day=day,
                           previous=month == 1)
                    for month, day in days]  # fmt: skip
    if _EVERY.search(s):
        return _recurring(s, text)
    if m := _PERIOD_DAY.fullmatch(s):
        every: Every = "month" if m["period"] == "bao cao" else "quarter"
        _day_in(None, 1, int(m["day"]))
        return [Clause("recurring", text, every=every, day=int(m["day"]))]
    if m := re.fullmatch(
        r"(?:tu\s+|trong\s+|bat dau tu\s+)?(?:nam\s+)?(\d{4})\s*"
        r"(?:tro di|,?\s*(?:va|,)\s*(?:cac|nhung)\s+nam\s+tiep\s+theo)",
        s,
    ):
        return [Clause("recurring", text, every="year", start=date(_year(m[1]), 1, 1))]
    if m := re.fullmatch(r"(?:(?:truoc|cham nhat|han|vao)\s+)?(.+?)\s+(?:cua\s+)?nam sau", s):
        # "trước ngày 15 tháng 01 năm sau": each year, on the year before (never one date)
        named = _span(m[1])
        if named is not None and named.year is None and named.precision in ("day", "month"):
            month, day = named.last
            return [Clause("recurring", text, every="year", month=month, day=day, previous=True)]
    one = _one_time(s, text)
    if one is not None:
        return [one]
    if m := re.fullmatch(
        rf"(?:{_ONGOING}\s*,?\s*)?(?:tu|bat dau tu|ke tu)\s+(.+?)(?:\s*,?\s*{_ONGOING})?", s
    ):
        since = _span(m[1])
        if since is not None and since.year is not None:
            return [Clause("ongoing", text, start=since.start())]
    return None


# Words that start a timing of their own: an event's or a delegation's free text may name
# documents and their dates, but one holding these is several clauses, read part by part.
_OTHER_TIMING = re.compile(
    rf";|\bneu co\b|{_EVERY.pattern}|\b(?:thuong xuyen|lien tuc)\b|\bquy\s+{_QUARTER}\b"
    r"|\bthang\s+\d"
)
# "Chậm nhất ngày 15 của tháng báo cáo" (monthly), "… ngày 06 của tháng cuối quý" (quarterly).
_PERIOD_DAY = re.compile(
    r"(?:(?:cham nhat|truoc|vao|han)\s+)*(?:ngay\s+)?(?P<day>\d{1,2})\s+(?:cua\s+)?"
    r"thang\s+(?P<period>bao cao|cuoi quy)"
)


def _event(s: str, text: str, original: str) -> list[Clause] | None:
    if s == "dot xuat":  # "đột xuất": whenever asked, never on a date
        return [Clause("event", text)]
    m = re.fullmatch(
        r"(?:dot xuat\s+|(?:mot cach\s+)?nhanh nhat co the\s+)?(?:ngay\s+)?(?:(?:sau|truoc)\s+)?"
        r"khi\s+(?P<what>.+)"
        r"|(?:(?:trong\s+(?:vong|thoi han|thoi gian)|cham nhat(?: la)?|toi da(?: la)?)\s+)?"
        r"(?P<days>\d{1,4})\s+(?P<unit>ngay|gio)"
        r"(?P<work>\s+lam viec)?"
        r"\s+(?:sau khi|ke tu ngay|ke tu khi|ke tu|sau)\s+(?P<after>.+)",
        s,
    )
    if m is None:
        return None
    what = m["what"] or m["after"]
    # "Khi/Trước khi/Sau khi …" always awaits what follows ("Khi nào …" asks, never awaits);
    # "N ngày kể từ …" must name a happening, not a date.
    unnamed = re.match(r"nao\b", what) if m["what"] else not _EVENT_CUES.search(what)
    if unnamed or _OTHER_TIMING.search(what):
        return None
    if m["work"]:
        raise DeadlineError(
            "“ngày làm việc” không tính được thành ngày: ghi sự kiện (event) và số ngày "
            "(days_after) khi văn bản được ban hành"
        )
    days = int(m["days"]) if m["days"] else None
    if days is not None and m["unit"] == "gio":  # "72 giờ": whole days only
        if days % 24:
            return None
        days //= 24
    start = len(s) - len(what)
    return [Clause("event", text, awaiting=_actor(what, original[start:]),
                   days_after=days)]  # fmt: skip


def _actor(key: str, original: str) -> str | None:
    """Who must act first: `… hướng dẫn của Bộ Ngoại giao`, `Khi Bộ Ngoại giao ban hành`;
    nobody when the words name a document (`Khi Đề án được phê duyệt`) or no body."""
    found: tuple[int, int] | None = None
    if m := re.search(r"\bcua\s+(.+)$", key):
        cut = re.search(r"\s+(?:duoc|ban hanh|phe duyet|co hieu luc|hoan thanh|thong qua)\b",
                        m[1])  # fmt: skip
        found = (m.start(1), m.start(1) + (cut.start() if cut else len(m[1])))
    elif (m := _ACTOR_VERBS.search(key)) and "duoc" not in key[: m.start()]:
        found = (0, m.start())
    if found is None:
        return None
    name = original[found[0] : found[1]].strip(" ,")
    return name if plain_key(name).startswith(_BODIES) else None


def _recurring(s: str, text: str) -> list[Clause] | None:
    bounds: dict[str, date] = {}

    def bound(m: re.Match[str]) -> str:
        if m["from"]:
            bounds["start"] = date(_year(m["from"]), 1, 1)
        if m["to"]:
            bounds["until"] = date(_year(m["to"]), 12, 31)
        if m["p1"]:
            start, end = _year(m["p1"]), _year(m["p2"])
            if end < start:
                raise DeadlineError(f"giai đoạn {start}-{end} kết thúc trước khi bắt đầu")
            bounds["start"], bounds["until"] = date(start, 1, 1), date(end, 12, 31)
        return " "

    rest = re.sub(
        r"\s*,?\s*(?:(?:tu|bat dau tu|ke tu)\s+(?:nam\s+)?(?P<from>\d{4})"
        r"|(?:den|toi)\s+(?:het\s+)?(?:nam\s+)?(?P<to>\d{4})"
        r"|(?:trong\s+)?(?:giai doan\s+|nam\s+)?(?P<p1>\d{4})\s*-\s*(?P<p2>\d{4}))\s*,?\s*",
        bound,
        s,
    ).strip(" ,")
    m = re.fullmatch(
        rf"(?:(?P<pre>.+?)\s*,?\s+)??(?P<every>{_EVERY.pattern})(?:\s*,?\s*(?P<post>.+))?", rest
    )
    if m is None or (m["pre"] and m["post"]):
        return None
    word = m["a"] or m["b"] or m["c"] or m["d"] or m["e"] or m["f"]
    every: Every = _EVERY_OF[word]  # type: ignore[assignment]
    named = m["pre"] or m["post"]
    if named is None:
        return [Clause("recurring", text, every=every, **bounds)]  # type: ignore[arg-type]
    days = _named_days(named, every)
    if days is None:
        return None
    if every == "half" and all(month is not None for month, _ in days):
        every = "year"  # the half-year report's named day and month come once a year
    return [
        Clause("recurring", text, every=every, month=month, day=day,
               previous=every == "year" and day is not None and month == 1,
               **bounds)  # type: ignore[arg-type]
        for month, day in days
    ]  # fmt: skip


def _named_days(s: str, every: Every) -> list[tuple[int | None, int | None]] | None:
    """`trước ngày 20` (monthly), `15/11 và 15/5`, `ngày 10 tháng 01`, `tháng 10`, `quý I`
    (yearly): (month, day) pairs, day None meaning the month's (or quarter's) last day."""
    s = _LEAD_VERBS.sub("", s, count=1)  # "hằng năm, báo cáo trước ngày 15/12"
    s = re.sub(r"^(?:truoc|vao|trong|han|cham nhat la|cham nhat|truoc hoac trong)\s+", "", s)
    if every == "month":
        m = re.fullmatch(r"(?:ngay\s+)?(\d{1,2})(?:\s+(?:cua\s+)?thang)?", s)
        if m is None:
            return None
        _day_in(None, 1, int(m[1]))  # 1..31
        return [(None, int(m[1]))]
    if every in ("quarter", "half"):  # "ngày 15 của tháng cuối quý": in the period's last month
        m = re.fullmatch(r"(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?thang\s+cuoi\s+(?:quy|ky)", s)
        if m is not None:
            _day_in(None, 1, int(m[1]))
            return [(None, int(m[1]))]
        if every == "quarter":
            return None
        # "Định kỳ 06 tháng (trước ngày 05 tháng 6)": a named day and month, read as yearly ones.
    found: list[tuple[int | None, int | None]] = []
    for part in re.split(r"\s*(?:,|\bva\b)\s*", s):
        part = re.sub(r"^(?:truoc|vao|trong|han)\s+", "", part)
        span = _span(part)
        if span is None or span.year is not None or span.precision == "half":
            return None
        month, day = span.last
        found.append((month, day))
    return found


def _one_time(s: str, text: str) -> Clause | None:
    m = re.fullmatch(
        r"(?P<word>trong thoi gian|trong giai doan|trong|truoc|den het|den|toi|cham nhat den het|"
        r"cham nhat den|cham nhat la|cham nhat|cuoi|vao|han|giai doan|tu|"
        r"(?:tai )?(?:ky|phien) hop(?: chuyen de| thuong le| thu \d+)?)?"
        r"[\s,]*(?P<rest>.+)",  # "Kỳ họp thứ 2 (tháng 10/2026)": the bracket is folded to a comma
        s,
    )
    assert m is not None
    word, rest = m["word"], m["rest"]
    # "trước 16h00 ngày 24/8/2026": the hour does not move the due day.
    rest = re.sub(r"^\d{1,2}\s*(?:h|gio)\s*(?:\d{2}\s*(?:phut\s*)?)?\s+(?=ngay\b)", "", rest)
    span = _span(rest)
    if span is not None and word != "tu":
        if span.precision == "school_year":
            return None  # a school year's end is not a fixed day: only a start
        if word == "truoc" and span.precision != "day":
            raise DeadlineError(
                f"“{text}”: “trước” một tháng, quý hay năm không rõ là hạn ngày nào; "
                "ghi ngày cụ thể (“trước ngày 30/6/2026”)"
            )
        return _due(text, span, span.precision)  # type: ignore[arg-type]
    return _range(rest, text) if word in (None, "tu", "giai doan", "trong giai doan",
                                         "trong thoi gian") else None  # fmt: skip


def _range(s: str, text: str) -> Clause | None:
    """`2025 - 2026`, `Quý IV/2025 - Quý II/2026`, `từ ngày 01/01/2026 đến ngày 31/3/2026`,
    `từ nay đến 2030`: due at the end of the range."""
    for m in re.finditer(r"\s*-\s*|\s+(?:den|toi)\s+(?:het\s+|cuoi\s+)?", s):
        left, right = s[: m.start()].strip(), s[m.end() :].strip()
        first = None if left == "nay" else _span(re.sub(r"^(?:tu|giai doan)\s+", "", left))
        last = _span(right)
        if last is None or (first is None and left != "nay"):
            continue
        if first is not None and first.year is None and last.year is not None:
            year = last.year if first.first[0] <= last.last[0] else _year(str(last.year - 1))
            first = first.with_year(year)
        if first is not None and last.year is not None and first.year is not None \
                and first.start() > last.end():  # fmt: skip
            raise DeadlineError(f"“{text}” kết thúc trước khi bắt đầu")
        clause = _due(text, last, "range")
        if first is not None and first.year is not None and clause.due is not None:
            return Clause("due", text, "range", clause.due, start=first.start())
        return clause
    return None


def _due(text: str, span: _Span, precision: Precision) -> Clause:
    if span.year is None:  # no year: the plan's year, once it is known
        month, day = span.last
        return Clause("due", text, precision, month=month, day=day)
    return Clause("due", text, precision, span.end())

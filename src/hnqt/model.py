"""The registry's records, as frozen dataclasses.

They import nothing heavy, so queries and the cached registry use them without Pydantic.
Validation (strict, unknown fields forbidden) and the JSON Schemas come from Pydantic through
the annotations below: each marker builds its piece of Pydantic's core schema only when
`hnqt.validation` asks for it.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from .dates import FIRST_YEAR, LAST_YEAR, DateError, PartialDate, day_month
from .values import Record, record


class FileRecord(Record):
    """A record read from a registry file. Pydantic reads its config from this attribute (for
    every subclass): a field the format does not have is an error, not silently dropped."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}


class _Strict:
    """No coercion: `yes` is not a boolean, `"2025"` is not an integer."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["strict"] = True
        return schema


PATTERN_HELP: dict[str, str] = {}  # pattern -> what it asks for, in Vietnamese, for messages


class _Pattern:
    def __init__(self, pattern: str, description: str) -> None:
        self.pattern = pattern
        self.description = description
        PATTERN_HELP[pattern] = description

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.str_schema(pattern=self.pattern, strict=True, min_length=1)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        result = handler(schema)
        result["description"] = self.description
        return result


class _DayMonth(_Pattern):
    """`15/11`: a day and month that exist (31/02 does not; 29/02 does, in leap years)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import PydanticCustomError, core_schema

        def check(value: str) -> str:
            try:
                day_month(value)
            except DateError as exc:
                raise PydanticCustomError(
                    "bad_date", "{reason}", {"reason": str(exc), "wanted": self.description}
                ) from None
            return value

        return core_schema.no_info_after_validator_function(
            check, super().__get_pydantic_core_schema__(source, handler)
        )


class _Range:
    """A whole number within bounds: what every command can count with (DESIGN §6)."""

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.int_schema(ge=self.low, le=self.high, strict=True)


_FULL_DATE = r"^\d{4}-\d{2}-\d{2}$"
_ANY_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PATTERN_HELP[_FULL_DATE] = "ngày đầy đủ dạng 2025-05-06"
PATTERN_HELP[_ANY_DATE] = 'ngày dạng 2025-05-06, "2025-05" hoặc "2025"'


class _DateField:
    """`2025`, `2025-05` or `2025-05-06` -> PartialDate; with `full`, only a day will do."""

    def __init__(self, *, full: bool) -> None:
        self.full = full

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import PydanticCustomError, core_schema

        def to_date(value: str | int) -> PartialDate:
            try:
                return PartialDate.parse(value)
            except DateError as exc:
                # The hint must not propose a form this field refuses (a progress date needs a day).
                wanted = PATTERN_HELP[_FULL_DATE if self.full else _ANY_DATE]
                raise PydanticCustomError(
                    "bad_date", "{reason}", {"reason": str(exc), "wanted": wanted}
                ) from None

        accepted: core_schema.CoreSchema
        if self.full:
            accepted = core_schema.str_schema(pattern=_FULL_DATE, strict=True)
        else:
            accepted = core_schema.union_schema([
                core_schema.str_schema(pattern=_ANY_DATE, strict=True),
                core_schema.int_schema(ge=FIRST_YEAR, le=LAST_YEAR, strict=True),
            ])  # fmt: skip
        return core_schema.no_info_after_validator_function(
            to_date,
            accepted,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.iso()),
        )


Text = Annotated[str, _Strict()]
Bool = Annotated[bool, _Strict()]
Id = Annotated[str, _Pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$", "mã chữ thường ASCII, gạch nối: so-y-te")]
TaskCode = Annotated[str, _Pattern(r"^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$", "mã nhiệm vụ: V.19")]
Country = Annotated[str, _Pattern(r"^[A-Z]{2}$", "mã quốc gia ISO 3166-1 alpha-2: RU")]
DayMonth = Annotated[str, _DayMonth(r"^\d{1,2}/\d{1,2}$", "ngày/tháng có thật: 15/11")]
Year = Annotated[int, _Range(FIRST_YEAR, LAST_YEAR)]
Number = Annotated[int, _Range(1, 100_000)]  # an article's or an indicator's number
MAX_DAYS_AFTER = 3650  # ten years after the awaited document
Date = Annotated[PartialDate, _DateField(full=False)]
FullDate = Annotated[PartialDate, _DateField(full=True)]
Names = tuple[Text, ...]


@record
class SourceRef(FileRecord):
    """Where a record comes from: a file of shared/sources and a place in it."""

    file: Text
    ref: Text | None = None


# --- units ---------------------------------------------------------------------------------

UnitKind = Literal[
    "city", "so", "ban", "agency", "institute", "press", "party", "mass-org", "bank",
    "armed", "branch", "ministry", "central", "division", "other",
]  # fmt: skip


@record
class Basis(FileRecord):
    """A public document something rests on: a plan's legal basis, a unit's 2025 merger."""

    title: Text
    number: Text | None = None
    date: Date | None = None
    issuer: Text | None = None


@record
class Former(FileRecord):
    """A unit merged into this one, with the decision that did it; `partial` when only some
    of its functions came here (Sở Lao động - Thương binh và Xã hội was split three ways)."""

    name: Text
    basis: tuple[Basis, ...] = ()
    partial: Bool = False
    note: Text | None = None


@record
class Unit(FileRecord):
    """A unit that tasks can name: a Sở, ban, city body, ministry, or a sub-unit of one.

    A unit no registry file names says why it is listed: the sources that name it (`source`)
    or the public decisions it rests on (`basis`)."""

    id: Id
    name: Text
    kind: UnitKind
    aliases: Names = ()
    former: tuple[Text | Former, ...] = ()
    parent: Id | None = None
    source: tuple[SourceRef, ...] = ()
    basis: tuple[Basis, ...] = ()
    note: Text | None = None

    @property
    def former_names(self) -> tuple[str, ...]:
        return tuple(f if isinstance(f, str) else f.name for f in self.former)


# What a group phrase means is read from the document that writes it (DESIGN §3):
#   addressees — the units the document is addressed to ("Các Sở, ngành, đơn vị");
#   others     — its addressees less the units it names ("Các cơ quan, đơn vị khác");
#   named      — the units it names as lead or support, less central bodies
#                ("Các Sở, ban, ngành có tên trong KH", in a Nơi nhận);
#   city       — every department of the city ("Các Sở, ban, ngành thuộc Thành phố");
#   related    — "… liên quan": nobody in particular; external — bodies outside the city.
GroupKind = Literal["addressees", "others", "named", "city", "related", "external"]


@record
class Group(FileRecord):
    """A phrase naming many units at once; its `kind` says how a document's words resolve."""

    id: Id
    kind: GroupKind
    names: Names


@record
class Departments(FileRecord):
    """data/departments.yaml: every unit and group the registry can name."""

    units: tuple[Unit, ...]
    groups: tuple[Group, ...] = ()


# --- partners ------------------------------------------------------------------------------


@record
class LocalizedName(FileRecord):
    """A partner's name in Vietnamese, English and its own language."""

    vi: Text
    en: Text | None = None
    native: Text | None = None


@record
class Tie(FileRecord):
    """A tie another Vietnamese locality has with a partner, as the sources give it."""

    locality: Text
    kind: Text
    text: Text
    since: Date | None = None
    source: SourceRef | None = None


@record
class Partner(FileRecord):
    """A foreign partner: a city, region, country or organisation."""

    id: Id
    kind: Literal["city", "region", "country", "organisation"]
    name: LocalizedName
    country: Country
    description: Text | None = None
    ties: tuple[Tie, ...] = ()
    source: tuple[SourceRef, ...] = ()


# --- agreements ----------------------------------------------------------------------------

Side = Literal["hanoi", "partner"]


@record
class Party(FileRecord):
    """A party to an agreement, as the instrument names it."""

    name: Text
    side: Side


@record
class Signatory(FileRecord):
    """A person who signed an agreement, with the title the source gives."""

    name: Text
    side: Side
    title: Text | None = None


@record
class Article(FileRecord):
    """An article of an agreement and the units assigned to carry it out."""

    number: Number
    subject: Text
    units: Names = ()


@record
class Term(FileRecord):
    """An agreement's term; a year alone means its last day (31/12)."""

    start: Date | None = None
    end: Date | None = None


@record
class Step(FileRecord):
    """A recorded step: the day it was done and the document that did it."""

    date: FullDate
    document: Text | None = None


@record
class Steps(FileRecord):
    """Law on International Agreements 2020, art. 19: consult before, report within 15 days."""

    mofa_consulted: Step | None = None
    reported: Step | None = None


@record
class FollowUp(FileRecord):
    """Who follows an agreement up, and the source that says so: without both, hnqt shows the
    agreement's dates but makes them no unit's obligation (DESIGN §3, Agreements)."""

    unit: Text
    source: SourceRef


@record
class Activity(FileRecord):
    """A visit, event, invitation or proposal under an agreement."""

    kind: Literal["visit", "event", "proposal", "invitation", "meeting", "signing"]
    title: Text
    date: Date | None = None
    text: Text | None = None
    status: Literal["proposed", "agreed", "planned", "done"] | None = None
    units: Names = ()
    source: SourceRef | None = None


@record
class Agreement(FileRecord):
    """A signed international agreement or cooperation programme of the city."""

    id: Id
    kind: Literal["agreement", "programme", "memorandum"]
    title: Text
    partners: tuple[Id, ...]
    parties: tuple[Party, ...] = ()
    signed: Date | None = None
    place: Text | None = None
    signatories: tuple[Signatory, ...] = ()
    fields: Names = ()
    articles: tuple[Article, ...] = ()
    term: Term | None = None
    status: Literal["draft", "in_force", "expired", "terminated"] = "in_force"
    follow_up: FollowUp | None = None
    steps: Steps = Steps()
    activities: tuple[Activity, ...] = ()
    source: tuple[SourceRef, ...] = ()
    notes: Text | None = None


# --- plans ---------------------------------------------------------------------------------


@record
class Signer(FileRecord):
    """Who signed a plan or directive, with the title block as written."""

    name: Text
    title: Text | None = None


@record
class Period(FileRecord):
    """The years a plan covers; annual tasks fall due once in each."""

    start: Date
    end: Date

    def __post_init__(self) -> None:
        """A period that ends before it starts holds no year to fall due in: refused when the
        file is validated, so no command meets one."""
        if self.end.year < self.start.year:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError(
                "bad_date",
                "thời kỳ kết thúc ({end}) trước khi bắt đầu ({start})",
                {"end": str(self.end), "start": str(self.start),
                 "wanted": "năm kết thúc từ năm bắt đầu trở đi"},
            )  # fmt: skip

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)


@record
class Reporting(FileRecord):
    """A yearly reporting rule: the units its words name (`by`, as written: "Các Sở, ngành,
    đơn vị") report before a day to a receiving unit."""

    text: Text
    before: DayMonth
    to: Text
    by: Names
    source: SourceRef
    every: Literal["year"] = "year"


@record
class Addressee(FileRecord):
    """One line of a document's Kính gửi (or the Nơi nhận line that tasks), as written: a unit,
    or a group phrase ("Các Sở, ban, ngành có tên trong KH")."""

    name: Text
    source: SourceRef


@record
class IssueWindow(FileRecord):
    """What the sources allow about an issue date they leave blank: after a cited document,
    before a day its own text implies. Items due inside the window are owed on an assumption."""

    after: FullDate | None = None
    before: FullDate | None = None
    note: Text | None = None


@record
class Budget(FileRecord):
    """Who budgets a plan's tasks, and the sentence that says so."""

    unit: Text
    text: Text | None = None


@record
class Section(FileRecord):
    """A section of a plan's task appendix (I … VII)."""

    code: TaskCode
    title: Text


@record
class Indicator(FileRecord):
    """A target of a plan (Appendix I), keeping the source's numbering."""

    number: Number
    name: Text
    unit: Text
    target: Text
    monitors: Names = ()


@record
class Plan(FileRecord):
    """A plan or directive: its metadata, reporting rule, sections and indicators."""

    id: Id
    kind: Literal["plan", "directive"]
    title: Text
    issuer: Text
    number: Text | None = None
    date: Date | None = None
    issued: IssueWindow | None = None  # when `date` is blank or partial
    signer: Signer | None = None
    recipients: Names = ()  # Nơi nhận, line by line as written (not resolved)
    addressees: tuple[Addressee, ...] = ()  # whom its duties go to: what its groups mean
    agreement: Id | None = None
    basis: tuple[Basis, ...] = ()
    period: Period | None = None
    goals: Names = ()
    reporting: Reporting | None = None
    annual_due: DayMonth | None = None  # the day annual tasks fall due, when the plan names one
    budget: Budget | None = None
    sections: tuple[Section, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    source: tuple[SourceRef, ...] = ()
    notes: Text | None = None


# --- tasks ---------------------------------------------------------------------------------


@record
class Progress(FileRecord):
    """A dated progress entry; `done: true` closes the task (or that year's occurrence) — on a
    task with several leads, only the share of the unit `by` (which is then required)."""

    date: FullDate
    note: Text | None = None
    year: Year | None = None
    by: Text | None = None
    document: Text | None = None
    done: Bool = False


@record
class EventRecord(FileRecord):
    """The awaited document, once it is issued."""

    date: FullDate
    document: Text | None = None


@record
class DeadlineSpec(FileRecord):
    """A deadline as written, with the awaited document once it is issued."""

    text: Text
    event: EventRecord | None = None
    days_after: Annotated[int, _Range(0, MAX_DAYS_AFTER)] | None = None


@record
class Task(FileRecord):
    """One task of a plan, with its units, deadline as written and progress."""

    code: TaskCode
    title: Text
    lead: Names
    deadline: Text | DeadlineSpec
    support: Names = ()
    output: Text | None = None
    articles: tuple[Number, ...] = ()
    field: Text | None = None
    source: SourceRef | None = None
    notes: Text | None = None
    progress: tuple[Progress, ...] = ()

    @property
    def deadline_text(self) -> str:
        return self.deadline if isinstance(self.deadline, str) else self.deadline.text


@record
class Submission(FileRecord):
    """A yearly report a unit sent under a plan's reporting rule."""

    unit: Text
    year: Year
    date: FullDate
    document: Text | None = None


@record
class Reports(FileRecord):
    """data/plans/<id>/reports.yaml: the yearly reports units have sent."""

    reports: tuple[Submission, ...] = ()

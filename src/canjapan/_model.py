"""The domain model: immutable records of a bilateral defence and security relationship.

Every record is a frozen, slotted, keyword-only attrs class. Converters normalise
(tuples of ids and codes are sorted, milestones put in lifecycle order) and
validators guard each record's own invariants; checks that span records (references,
unique ids, tenure overlaps) live in [`canjapan.Dataset`][canjapan.Dataset]. The records know
nothing about JSON: that is the private converter's job.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
from attrs import field, frozen

from canjapan._dates import PartialDate

if TYPE_CHECKING:
    from attrs import Attribute

    from canjapan._dates import DateLike
    from canjapan._status import AgreementStatus

__all__ = [
    "Agreement",
    "AgreementKind",
    "Citation",
    "Coordinates",
    "Domain",
    "Event",
    "EventKind",
    "EventMode",
    "EventStatus",
    "Figure",
    "Label",
    "Mechanism",
    "MechanismKind",
    "Milestone",
    "MilestoneKind",
    "Organization",
    "OrganizationKind",
    "Person",
    "Place",
    "PlaceKind",
    "Post",
    "Record",
    "Source",
    "SourceKind",
    "Tenure",
    "Topic",
    "TopicKind",
]

# Every pattern is written in ASCII with explicit classes ([0-9], never \d, \s or \w,
# whose meaning differs between Python and the JSON Schema engines), so that the
# shipped schema, which reuses them, means what the loader means.
ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
COUNTRY_PATTERN: Final = re.compile(r"[A-Z]{3}")
LANGUAGE_PATTERN: Final = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
DURATION_PATTERN: Final = re.compile(r"P(?=[0-9])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?")
_ARCHIVE_PART = r"(?!\.\.?(?:/|$))[^/\\:\u0000-\u001f\u007f]+"
ARCHIVE_PATH_PATTERN: Final = re.compile(f"{_ARCHIVE_PART}(?:/{_ARCHIVE_PART})*")
"""A source's ``archived_as``: a relative path that cannot leave the corpus folder."""
WHITESPACE: Final = (
    r"\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""The characters ``str.isspace()`` and ``str.split()`` take for whitespace, as a
regular-expression class body in ASCII escapes (a blank text is only these)."""
INT64_MAX: Final = 2**63 - 1
"""The largest whole number a record holds: what a 64-bit integer column (pandas,
Parquet, SQL engines) can hold."""
QUOTE_MAX_WORDS: Final = 40
"""A quote has at most this many words (runs of text between spaces)."""
QUOTE_MAX_CJK: Final = 100
"""A quote has at most this many Japanese or Chinese characters, which have no spaces."""
CJK_CHARACTERS: Final = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
"""The ranges counted as Japanese or Chinese characters (a regular-expression class body)."""
_CJK: Final = re.compile(f"[{CJK_CHARACTERS}]")


# -- vocabularies -------------------------------------------------------------------


class SourceKind(enum.StrEnum):
    """What kind of document a source is."""

    BACKGROUNDER = "backgrounder"
    NEWS = "news"
    PRESS_RELEASE = "press_release"
    STATEMENT = "statement"
    WHITE_PAPER = "white_paper"
    WEB_PAGE = "web_page"
    BLOG = "blog"
    REFERENCE = "reference"
    SOCIAL_MEDIA = "social_media"


class PlaceKind(enum.StrEnum):
    """What kind of place a place is."""

    CITY = "city"
    FACILITY = "facility"
    BASE = "base"
    SEA = "sea"
    ISLAND = "island"
    REGION = "region"
    COUNTRY = "country"
    VIRTUAL = "virtual"


class OrganizationKind(enum.StrEnum):
    """What kind of body an organization is (a ship is one too)."""

    GOVERNMENT = "government"
    MINISTRY = "ministry"
    DEPARTMENT = "department"
    ARMED_FORCES = "armed_forces"
    SERVICE = "service"
    COMMAND = "command"
    UNIT = "unit"
    SHIP = "ship"
    AIRCRAFT = "aircraft"
    SCHOOL = "school"
    INTERNATIONAL = "international"
    MEDIA = "media"
    OTHER = "other"


class AgreementKind(enum.StrEnum):
    """The kind of instrument an agreement is."""

    TREATY = "treaty"
    AGREEMENT = "agreement"
    MEMORANDUM = "memorandum"
    DECLARATION = "declaration"
    ARRANGEMENT = "arrangement"
    ACTION_PLAN = "action_plan"
    JOINT_STATEMENT = "joint_statement"
    PARTNERSHIP = "partnership"
    PRIORITIES = "priorities"


class MilestoneKind(enum.StrEnum):
    """A step in an agreement's lifecycle; members are in lifecycle order."""

    NEGOTIATIONS_LAUNCHED = "negotiations_launched"
    AGREED_IN_PRINCIPLE = "agreed_in_principle"
    SIGNED = "signed"
    APPROVED = "approved"
    ADOPTED = "adopted"
    ENTERED_INTO_FORCE = "entered_into_force"
    IN_EFFECT = "in_effect"
    TERMINATED = "terminated"

    @property
    def rank(self) -> int:
        """The position of this step in the lifecycle (0 first)."""
        return _MILESTONE_RANK[self]


_MILESTONE_RANK: Final = {kind: rank for rank, kind in enumerate(MilestoneKind)}


class MechanismKind(enum.StrEnum):
    """The kind of standing channel a mechanism is."""

    DIALOGUE = "dialogue"
    TALKS = "talks"
    COMMITTEE = "committee"
    PROGRAM = "program"
    FRAMEWORK = "framework"


class EventKind(enum.StrEnum):
    """What kind of event an event is."""

    MINISTERIAL_MEETING = "ministerial_meeting"
    SUMMIT = "summit"
    DIALOGUE_SESSION = "dialogue_session"
    VISIT = "visit"
    EXERCISE = "exercise"
    PORT_VISIT = "port_visit"
    DEPLOYMENT = "deployment"
    OPERATION = "operation"
    TRAINING_COURSE = "training_course"
    STRATEGY_RELEASE = "strategy_release"
    CONFERENCE = "conference"
    ANNOUNCEMENT = "announcement"
    INCIDENT = "incident"


class EventStatus(enum.StrEnum):
    """Whether an event took place."""

    HELD = "held"
    PLANNED = "planned"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class EventMode(enum.StrEnum):
    """How the people at a meeting met."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class Domain(enum.StrEnum):
    """An operational domain."""

    LAND = "land"
    SEA = "sea"
    AIR = "air"
    CYBER = "cyber"
    SPACE = "space"


class TopicKind(enum.StrEnum):
    """What a topic is."""

    SHARED_VALUE = "shared_value"
    SECURITY_CONCERN = "security_concern"
    PRIORITY = "priority"


# -- validators and converters --------------------------------------------------------


def _text(_: Any, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{attribute.name} must be a non-empty string"
        raise ValueError(msg)


def _optional_text(instance: Any, attribute: Attribute[Any], value: object) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _slug(_: Any, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        msg = (
            f"{attribute.name} must be a lowercase slug like 'joint-declaration-2010', "
            f"got {value!r}"
        )
        raise ValueError(msg)


def _optional_slug(instance: Any, attribute: Attribute[Any], value: object) -> None:
    if value is not None:
        _slug(instance, attribute, value)


def _slugs(_: Any, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        if not isinstance(item, str) or not ID_PATTERN.fullmatch(item):
            msg = f"{attribute.name} must hold lowercase slugs, got {item!r}"
            raise ValueError(msg)


def _country(_: Any, attribute: Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not COUNTRY_PATTERN.fullmatch(value)):
        msg = f"{attribute.name} must be an ISO 3166-1 alpha-3 code like 'CAN', got {value!r}"
        raise ValueError(msg)


def _countries(_: Any, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        if not isinstance(item, str) or not COUNTRY_PATTERN.fullmatch(item):
            msg = f"{attribute.name} must hold ISO 3166-1 alpha-3 codes like 'CAN', got {item!r}"
            raise ValueError(msg)


def _language(_: Any, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not LANGUAGE_PATTERN.fullmatch(value):
        msg = f"{attribute.name} must be a BCP 47 language tag like 'en' or 'ja', got {value!r}"
        raise ValueError(msg)


def _texts(_: Any, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        if not isinstance(item, str) or not item.strip():
            msg = f"{attribute.name} must hold non-empty strings, got {item!r}"
            raise ValueError(msg)


def _cited(_: Any, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        msg = f"{attribute.name} must hold at least one citation"
        raise ValueError(msg)


def _date(_: Any, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, PartialDate):
        msg = f"{attribute.name} must be a PartialDate, got {type(value).__name__}"
        raise TypeError(msg)


def _optional_date(_: Any, attribute: Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, PartialDate):
        msg = f"{attribute.name} must be a PartialDate, got {type(value).__name__}"
        raise TypeError(msg)


def _sorted_unique(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(value)))


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _domains(value: Iterable[str]) -> tuple[Domain, ...]:
    return tuple(sorted({Domain(v) for v in value}))


def _milestone_key(m: Milestone) -> tuple[int, int, int, str]:
    # (rank, date.sort_key()), flattened: sorting is on every agreement's load path.
    d = m.date
    return (_MILESTONE_RANK[m.kind], d._lo, d._hi, d._text)


def _milestones(value: Iterable[Milestone]) -> tuple[Milestone, ...]:
    items = tuple(value)
    if len(items) > 1 and all(isinstance(m, Milestone) for m in items):
        items = tuple(sorted(items, key=_milestone_key))
    return items


def _tenure_key(t: Tenure) -> tuple[int, str]:
    first = t.start or (t.attested[0] if t.attested else None)
    return (first.sort_key()[0] if first is not None else 0, t.post)


def _tenures(value: Iterable[Tenure]) -> tuple[Tenure, ...]:
    items = tuple(value)
    if all(isinstance(t, Tenure) for t in items):
        items = tuple(sorted(items, key=_tenure_key))
    return items


def _instances(kind: type) -> Any:
    def check(_: Any, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
        for item in value:
            if not isinstance(item, kind):
                msg = (
                    f"{attribute.name} must hold {kind.__name__} records, got {type(item).__name__}"
                )
                raise TypeError(msg)

    return check


def _dates(_: Any, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        if not isinstance(item, PartialDate):
            msg = f"{attribute.name} must hold PartialDate values, got {type(item).__name__}"
            raise TypeError(msg)


# -- shared parts ----------------------------------------------------------------------


class _Displayable:
    """Gives records their ``repr`` and a rich HTML display in notebooks.

    The records are declared with ``repr=False`` and share this ``__repr__``, which
    writes the same text as attrs' (``Citation(source='...', quote='...',
    locator=None)``): attrs would compile one per class when the package is
    imported, a cost every process pays, most of which never print a record.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        cls = type(self)
        fields = ", ".join(
            f"{a.name}={getattr(self, a.name)!r}"
            for a in cls.__attrs_attrs__  # type: ignore[attr-defined]
        )
        return f"{cls.__qualname__}({fields})"

    def _repr_html_(self) -> str:
        from canjapan._display import record_html

        return record_html(self)


@frozen(kw_only=True, repr=False)
class Citation(_Displayable):
    """Where a fact comes from: a source and a short verbatim quote from it."""

    source: str = field(validator=_slug)
    """The id of the [`Source`][canjapan.Source]."""
    quote: str = field(validator=_text)
    """A short verbatim quote (an ellipsis ``…`` marks omitted text): at most 40
    words, or 100 characters of Japanese or Chinese text."""
    locator: str | None = field(default=None, validator=_optional_text)
    """Where in the source, e.g. a section or paragraph."""

    @quote.validator
    def _check_quote(self, _: Attribute[str], value: str) -> None:
        words = len(value.split())
        if words > QUOTE_MAX_WORDS:
            msg = (
                f"quote must have at most {QUOTE_MAX_WORDS} words, got {words}: "
                "quote the shortest span that states the fact"
            )
            raise ValueError(msg)
        cjk = len(_CJK.findall(value))
        if cjk > QUOTE_MAX_CJK:
            msg = (
                f"quote must have at most {QUOTE_MAX_CJK} Japanese or Chinese characters, "
                f"got {cjk}: quote the shortest span that states the fact"
            )
            raise ValueError(msg)


@frozen(kw_only=True, repr=False)
class Label(_Displayable):
    """A name in another language."""

    text: str = field(validator=_text)
    language: str = field(validator=_language)
    """A BCP 47 tag: ``"fr"``, ``"ja"``."""


@frozen(kw_only=True, repr=False)
class Coordinates(_Displayable):
    """A point on the globe, in decimal degrees (WGS 84)."""

    latitude: float = field()
    longitude: float = field()

    @latitude.validator
    def _check_latitude(self, _: Attribute[float], value: float) -> None:
        if not -90.0 <= value <= 90.0:
            msg = f"latitude must be between -90 and 90, got {value!r}"
            raise ValueError(msg)

    @longitude.validator
    def _check_longitude(self, _: Attribute[float], value: float) -> None:
        if not -180.0 <= value <= 180.0:
            msg = f"longitude must be between -180 and 180, got {value!r}"
            raise ValueError(msg)


def _citations(_: Any, attribute: Attribute[Any], value: tuple[object, ...]) -> None:
    _instances(Citation)(_, attribute, value)
    _cited(_, attribute, value)


def _citations_field() -> Any:
    return field(converter=_tuple, validator=_citations)


# -- records ---------------------------------------------------------------------------


@frozen(kw_only=True, repr=False)
class Source(_Displayable):
    """A document that facts are cited from."""

    id: str = field(validator=_slug)
    title: str = field(validator=_text)
    publisher: str | None = field(default=None, validator=_optional_text)
    url: str | None = field(default=None)
    """The public address (``https://...``), when there is one."""
    published: PartialDate | None = field(default=None, validator=_optional_date)
    language: str = field(default="en", validator=_language)
    kind: SourceKind | None = field(default=None, converter=attrs.converters.optional(SourceKind))
    archived_as: str | None = field(default=None, validator=_optional_text)
    """File name of the source's text in a citation corpus (see ``verify-citations``):
    a relative path inside the corpus folder, its parts separated by ``/``, none of
    them ``..`` (``texts/mofa-2021.txt``, never ``../x`` or ``/etc/x``)."""
    note: str | None = field(default=None, validator=_optional_text)

    @archived_as.validator
    def _check_archived_as(self, _: Attribute[str | None], value: str | None) -> None:
        if value is not None and not ARCHIVE_PATH_PATTERN.fullmatch(value):
            msg = (
                "archived_as must be a relative path inside the corpus folder "
                f"(parts separated by '/', none '.' or '..', no '\\' or ':'), got {value!r}"
            )
            raise ValueError(msg)

    @url.validator
    def _check_url(self, _: Attribute[str | None], value: str | None) -> None:
        if value is not None and (not isinstance(value, str) or not value.startswith("https://")):
            msg = f"url must start with 'https://', got {value!r}"
            raise ValueError(msg)


@frozen(kw_only=True, repr=False)
class Place(_Displayable):
    """A place where something happened."""

    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    kind: PlaceKind = field(converter=PlaceKind)
    country: str | None = field(default=None, validator=_country)
    """ISO 3166-1 alpha-3 code; ``None`` for international waters or airspace."""
    coordinates: Coordinates | None = field(default=None)
    labels: tuple[Label, ...] = field(default=(), converter=_tuple, validator=_instances(Label))
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)


@frozen(kw_only=True, repr=False)
class Organization(_Displayable):
    """A government body, armed service, unit, ship or other organisation."""

    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    abbreviation: str | None = field(default=None, validator=_optional_text)
    kind: OrganizationKind = field(converter=OrganizationKind)
    country: str | None = field(default=None, validator=_country)
    parent: str | None = field(default=None, validator=_optional_slug)
    """The id of the organisation this one belongs to."""
    aliases: tuple[str, ...] = field(default=(), converter=_tuple, validator=_texts)
    labels: tuple[Label, ...] = field(default=(), converter=_tuple, validator=_instances(Label))
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)


@frozen(kw_only=True, repr=False)
class Post(_Displayable):
    """An office, e.g. Canada's Minister of National Defence.

    ``complete_from`` and ``complete_to`` say over which days the dataset records
    the post's succession completely (``complete_to`` absent: up to the dataset's
    ``as_of``). On a day inside that period with nobody recorded, the post was
    vacant; outside it, or for a post with no such period, nobody known means
    unknown (see [`OfficeState`][canjapan.OfficeState]).
    """

    id: str = field(validator=_slug)
    title: str = field(validator=_text)
    organization: str | None = field(default=None, validator=_optional_slug)
    country: str = field(validator=_country)
    single_holder: bool = field(default=True)
    """Held by one person at a time: someone certainly in office rules out everyone
    else on that day, and two tenures may not certainly overlap."""
    complete_from: PartialDate | None = field(default=None, validator=_optional_date)
    """The first day from which every holder of the post is recorded."""
    complete_to: PartialDate | None = field(default=None, validator=_optional_date)
    """The last day up to which every holder is recorded; absent: the ``as_of``."""
    labels: tuple[Label, ...] = field(default=(), converter=_tuple, validator=_instances(Label))
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.complete_to is not None and self.complete_from is None:
            msg = "complete_to needs complete_from"
            raise ValueError(msg)
        if (
            self.complete_from is not None
            and self.complete_to is not None
            and self.complete_from.certainly_after(self.complete_to)
        ):
            msg = f"complete_from {self.complete_from} is after complete_to {self.complete_to}"
            raise ValueError(msg)


@frozen(kw_only=True, repr=False)
class Tenure(_Displayable):
    """A person's time in a post: ``start <= day < end``.

    A missing ``start`` or ``end`` is unknown; ``ongoing`` means the person still
    held the post at the dataset's ``as_of``. ``attested`` lists days on which a
    cited source shows the person in the post; a tenure is one continuous term, so
    it started by its first attested day and ended after its last.
    """

    post: str = field(validator=_slug)
    start: PartialDate | None = field(default=None, validator=_optional_date)
    end: PartialDate | None = field(default=None, validator=_optional_date)
    ongoing: bool = field(default=False)
    attested: tuple[PartialDate, ...] = field(default=(), converter=_tuple, validator=_dates)
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.ongoing and self.end is not None:
            msg = "end must be absent when ongoing is true"
            raise ValueError(msg)
        if self.start is not None and self.end is not None and self.start.certainly_after(self.end):
            msg = f"start {self.start} is after end {self.end}"
            raise ValueError(msg)


@frozen(kw_only=True, repr=False)
class Person(_Displayable):
    """A person, with the offices they held."""

    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    aliases: tuple[str, ...] = field(default=(), converter=_tuple, validator=_texts)
    labels: tuple[Label, ...] = field(default=(), converter=_tuple, validator=_instances(Label))
    tenures: tuple[Tenure, ...] = field(
        default=(), converter=_tenures, validator=_instances(Tenure)
    )
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)


@frozen(kw_only=True, repr=False)
class Milestone(_Displayable):
    """A dated step in an agreement's lifecycle."""

    kind: MilestoneKind = field(converter=MilestoneKind)
    date: PartialDate = field(validator=_date)
    party: str | None = field(default=None, validator=_country)
    """For ``approved``: the party that approved."""
    place: str | None = field(default=None, validator=_optional_slug)
    people: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_slugs)
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)


@frozen(kw_only=True, repr=False)
class Agreement(_Displayable):
    """An agreement, treaty, memorandum, declaration or other instrument.

    Its lifecycle is a tuple of dated [`Milestone`][canjapan.Milestone] records; ``signed``,
    ``entered_into_force`` and ``terminated`` are derived from them.
    """

    id: str = field(validator=_slug)
    title: str = field(validator=_text)
    short_names: tuple[str, ...] = field(default=(), converter=_tuple, validator=_texts)
    abbreviations: tuple[str, ...] = field(default=(), converter=_tuple, validator=_texts)
    kind: AgreementKind = field(converter=AgreementKind)
    parties: tuple[str, ...] = field(converter=_sorted_unique, validator=_countries)
    signatories: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_slugs)
    milestones: tuple[Milestone, ...] = field(
        default=(), converter=_milestones, validator=_instances(Milestone)
    )
    labels: tuple[Label, ...] = field(default=(), converter=_tuple, validator=_instances(Label))
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)

    def milestone(self, kind: MilestoneKind | str) -> Milestone | None:
        """The first milestone of ``kind``, or ``None``."""
        for m in self.milestones:
            if m.kind == kind:
                return m
        return None

    @property
    def signed(self) -> PartialDate | None:
        """The date of signature, if recorded."""
        m = self.milestone(MilestoneKind.SIGNED)
        return None if m is None else m.date

    @property
    def entered_into_force(self) -> PartialDate | None:
        """The date of entry into force (or adoption, for a non-binding instrument)."""
        m = self.milestone(MilestoneKind.ENTERED_INTO_FORCE) or self.milestone(
            MilestoneKind.ADOPTED
        )
        return None if m is None else m.date

    @property
    def terminated(self) -> PartialDate | None:
        """The date of termination, if recorded."""
        m = self.milestone(MilestoneKind.TERMINATED)
        return None if m is None else m.date

    def status_on(self, on: DateLike) -> AgreementStatus:
        """The agreement's status on a date, with the reason (see
        [`AgreementStatus`][canjapan.AgreementStatus])."""
        from canjapan._status import status_on

        return status_on(self, on)


@frozen(kw_only=True, repr=False)
class Mechanism(_Displayable):
    """A standing channel, such as the 2+2 dialogue."""

    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    kind: MechanismKind = field(converter=MechanismKind)
    level: str | None = field(default=None, validator=_optional_text)
    countries: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_countries)
    established_by: str | None = field(default=None, validator=_optional_slug)
    """The id of the agreement that established it."""
    start: PartialDate | None = field(default=None, validator=_optional_date)
    end: PartialDate | None = field(default=None, validator=_optional_date)
    abbreviations: tuple[str, ...] = field(default=(), converter=_tuple, validator=_texts)
    aliases: tuple[str, ...] = field(default=(), converter=_tuple, validator=_texts)
    labels: tuple[Label, ...] = field(default=(), converter=_tuple, validator=_instances(Label))
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)


@frozen(kw_only=True, repr=False)
class Event(_Displayable):
    """Something that happened (or was planned) on a date or over a span of dates."""

    id: str = field(validator=_slug)
    title: str = field(validator=_text)
    kind: EventKind = field(converter=EventKind)
    start: PartialDate = field(validator=_date)
    end: PartialDate | None = field(default=None, validator=_optional_date)
    """The last day (inclusive), for events over several days."""
    status: EventStatus = field(default=EventStatus.HELD, converter=EventStatus)
    mode: EventMode | None = field(default=None, converter=attrs.converters.optional(EventMode))
    """In person, by phone or by video, for meetings whose source says."""
    place: str | None = field(default=None, validator=_optional_slug)
    participants: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_slugs)
    """Ids of the people and organisations taking part."""
    countries: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_countries)
    mechanism: str | None = field(default=None, validator=_optional_slug)
    sequence: int | None = field(default=None)
    """The session number within its mechanism (3 for the 3rd)."""
    part_of: str | None = field(default=None, validator=_optional_slug)
    """The id of the event this one is part of: a rotation's operation, say."""
    domains: tuple[Domain, ...] = field(default=(), converter=_domains)
    related: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_slugs)
    aliases: tuple[str, ...] = field(default=(), converter=_tuple, validator=_texts)
    labels: tuple[Label, ...] = field(default=(), converter=_tuple, validator=_instances(Label))
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)

    @sequence.validator
    def _check_sequence(self, _: Attribute[int | None], value: object) -> None:
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= INT64_MAX
        ):
            msg = f"sequence must be a positive int of at most 64 bits, got {value!r}"
            raise ValueError(msg)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.start.certainly_after(self.end):
            msg = f"start {self.start} is after end {self.end}"
            raise ValueError(msg)
        if self.part_of == self.id:
            msg = f"part_of must name another event, got its own id {self.id!r}"
            raise ValueError(msg)


@frozen(kw_only=True, repr=False)
class Figure(_Displayable):
    """A sourced number: a value with its unit, and the period it covers."""

    id: str = field(validator=_slug)
    description: str = field(validator=_text)
    value: int | float = field()
    unit: str = field(validator=_text)
    period: str | None = field(default=None)
    """An ISO 8601 duration the figure covers, e.g. ``"P18M"`` for 18 months."""
    date: PartialDate | None = field(default=None, validator=_optional_date)
    """When the figure was stated, or the date it applies to."""
    approximate: bool = field(default=False)
    related: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_slugs)
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)

    @value.validator
    def _check_value(self, _: Attribute[float], value: object) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            msg = f"value must be a number, got {value!r}"
            raise ValueError(msg)
        if isinstance(value, int) and not -INT64_MAX - 1 <= value <= INT64_MAX:
            msg = f"value must be a whole number of at most 64 bits, or a float, got {value!r}"
            raise ValueError(msg)

    @period.validator
    def _check_period(self, _: Attribute[str | None], value: str | None) -> None:
        if value is not None and (
            not isinstance(value, str) or not DURATION_PATTERN.fullmatch(value)
        ):
            msg = f"period must be an ISO 8601 duration like 'P18M', got {value!r}"
            raise ValueError(msg)


@frozen(kw_only=True, repr=False)
class Topic(_Displayable):
    """A shared value, security concern or priority that a source names."""

    id: str = field(validator=_slug)
    name: str = field(validator=_text)
    kind: TopicKind = field(converter=TopicKind)
    countries: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_countries)
    related: tuple[str, ...] = field(default=(), converter=_sorted_unique, validator=_slugs)
    citations: tuple[Citation, ...] = _citations_field()
    note: str | None = field(default=None, validator=_optional_text)


Record = (
    Source | Place | Organization | Post | Person | Agreement | Mechanism | Event | Figure | Topic
)
"""Any record that has an id."""

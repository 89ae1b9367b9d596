"""The [`Dataset`][canjapan.Dataset]: every collection of a relationship, checked, indexed and
queried."""

from __future__ import annotations

import collections
import contextlib
import itertools
import operator
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import compress
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NamedTuple, NoReturn, TypeVar, overload

from attrs import frozen

from canjapan._dates import DateLike, PartialDate, calendar_day, date_text, day_bounds
from canjapan._locks import ForkSafeLock, gc_paused
from canjapan._model import (
    Agreement,
    Citation,
    Domain,
    Event,
    EventKind,
    EventStatus,
    Figure,
    Mechanism,
    Milestone,
    MilestoneKind,
    Organization,
    Person,
    Place,
    Post,
    Record,
    Source,
    Tenure,
    Topic,
)
from canjapan._records import Records
from canjapan._status import ALWAYS, NEVER, OfficeState, agreement_bounds, tenure_bounds
from canjapan.exceptions import DatasetError, FilterError, Problem, UnknownIdError

if TYPE_CHECKING:
    from canjapan._index import StabbingIndex
    from canjapan._results import (
        Holder,
        OfficeHolders,
        SearchResults,
        Snapshot,
        Timeline,
        TimelineEntry,
    )

__all__ = [
    "COLLECTIONS",
    "Dataset",
    "InForce",
]

COLLECTIONS: Final[Mapping[str, type]] = MappingProxyType(
    {
        "sources": Source,
        "places": Place,
        "organizations": Organization,
        "posts": Post,
        "people": Person,
        "agreements": Agreement,
        "mechanisms": Mechanism,
        "events": Event,
        "figures": Figure,
        "topics": Topic,
    }
)
"""Collection name to record class, in canonical order."""

_KIND_OF: Final = {cls: name for name, cls in COLLECTIONS.items()}
_RECORD_CLASSES: Final = tuple(COLLECTIONS.values())
SMALL: Final = 256
"""Below this many records a query scans instead of building an index."""
_CHECKS_PER_SCAN: Final = 2
"""A query scans when its index would check more than half the records one by one."""

T = TypeVar("T")


# -- query results ----------------------------------------------------------------------


@frozen(kw_only=True)
class InForce:
    """The answer of [`Dataset.agreements_in_force`][canjapan.Dataset.agreements_in_force].

    Iterating gives the agreements certainly in force (and, when asked for, those
    possibly in force).

    Attributes:
        on: The date asked about, as written.
        as_of: The dataset's ``as_of``: how current the record is.
        certain: Agreements certainly in force on the date.
        possible: Agreements whose status on that date is undetermined but may be
            in force (empty unless ``include_possible`` was asked for).
    """

    on: str
    as_of: date
    certain: tuple[Agreement, ...]
    possible: tuple[Agreement, ...] = ()

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        """``certain`` followed by ``possible``."""
        return self.certain + self.possible

    def __iter__(self) -> Iterator[Agreement]:
        return iter(self.agreements)

    def __len__(self) -> int:
        return len(self.certain) + len(self.possible)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(a.id == item for a in self.agreements)
        return item in self.agreements

    @property
    def after_as_of(self) -> bool:
        """The date is after ``as_of``: the answer presumes nothing changed since."""
        return day_bounds(self.on)[1] > self.as_of.toordinal()

    def __repr__(self) -> str:
        ids = ", ".join(a.id for a in self.certain) or "none"
        more = f"; possibly {', '.join(a.id for a in self.possible)}" if self.possible else ""
        return f"<InForce on {self.on}: {ids}{more} (as of {self.as_of.isoformat()})>"

    def _repr_html_(self) -> str:
        from canjapan._display import in_force_html

        return in_force_html(self)


# -- the dataset --------------------------------------------------------------------------


_by_id_key: Final[Callable[[Any], str]] = attrgetter("id")


def _sorted_records(records: Iterable[T]) -> tuple[T, ...]:
    return tuple(sorted(records, key=_by_id_key))


class Dataset:
    """Every collection of a bilateral relationship, checked and queryable.

    Constructing one checks it whole: unique ids, references that resolve to a
    record of the right kind, lifecycle order, event and tenure spans. Any problem
    raises [`DatasetError`][canjapan.DatasetError] listing all of them.

    A dataset is immutable: its collections are tuples sorted by id (of the class
    [`Records`][canjapan.Records], which displays itself), and records are frozen.
    """

    __slots__ = (
        "_by_id",
        "_cache",
        "_lock",
        "agreements",
        "as_of",
        "description",
        "events",
        "figures",
        "mechanisms",
        "name",
        "organizations",
        "people",
        "places",
        "posts",
        "sources",
        "topics",
        "version",
    )

    name: str
    version: str
    as_of: date
    """The last date the dataset's contents were checked."""
    description: str | None
    sources: Records[Source]
    places: Records[Place]
    organizations: Records[Organization]
    posts: Records[Post]
    people: Records[Person]
    agreements: Records[Agreement]
    mechanisms: Records[Mechanism]
    events: Records[Event]
    figures: Records[Figure]
    topics: Records[Topic]
    _by_id: Mapping[str, Record]
    _cache: dict[str, Any]
    _lock: ForkSafeLock

    def __init__(
        self,
        *,
        name: str,
        version: str,
        as_of: DateLike,
        description: str | None = None,
        sources: Iterable[Source] = (),
        places: Iterable[Place] = (),
        organizations: Iterable[Organization] = (),
        posts: Iterable[Post] = (),
        people: Iterable[Person] = (),
        agreements: Iterable[Agreement] = (),
        mechanisms: Iterable[Mechanism] = (),
        events: Iterable[Event] = (),
        figures: Iterable[Figure] = (),
        topics: Iterable[Topic] = (),
    ) -> None:
        problems: list[Problem] = []
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem("dataset", None, "name", "must be a non-empty string"))
        if not isinstance(version, str) or not version.strip():
            problems.append(Problem("dataset", None, "version", "must be a non-empty string"))
        as_of_date = _as_of(as_of, problems)
        given = {
            "sources": sources,
            "places": places,
            "organizations": organizations,
            "posts": posts,
            "people": people,
            "agreements": agreements,
            "mechanisms": mechanisms,
            "events": events,
            "figures": figures,
            "topics": topics,
        }
        collections: dict[str, tuple[Any, ...]] = {}
        r: Any
        for cname, records in given.items():
            cls = COLLECTIONS[cname]
            items = tuple(records)
            good = []
            for i, r in enumerate(items):
                if isinstance(r, cls):
                    good.append(r)
                else:
                    problems.append(
                        Problem(
                            cname,
                            None,
                            f"[{i}]",
                            f"expected a {cls.__name__}, got {type(r).__name__}",
                        )
                    )
            collections[cname] = _sorted_records(good)
        by_id: dict[str, Record] = {}
        for cname, items in collections.items():
            for r in items:
                if r.id in by_id:
                    other = _KIND_OF[type(by_id[r.id])]
                    problems.append(
                        Problem(cname, r.id, "id", f"duplicate id (also used in {other})")
                    )
                else:
                    by_id[r.id] = r
        problems.extend(_check_references(collections, by_id))
        if problems:
            raise DatasetError(problems)
        _set = object.__setattr__
        _set(self, "name", name)
        _set(self, "version", version)
        _set(self, "as_of", as_of_date)
        _set(self, "description", description)
        for cname, items in collections.items():
            _set(self, cname, Records(items, cname))
        _set(self, "_by_id", MappingProxyType(by_id))
        _set(self, "_cache", {})
        _set(self, "_lock", ForkSafeLock())

    # -- immutability and value protocol ----------------------------------------------

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = f"Dataset is immutable: cannot set {name!r}"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> NoReturn:
        msg = f"Dataset is immutable: cannot delete {name!r}"
        raise AttributeError(msg)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _VALUE_FIELDS)

    def __hash__(self) -> int:
        return hash((self.name, self.version, self.as_of, len(self._by_id)))

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled as its fields; unpickling checks it again, like any construction.
        fields = {f: getattr(self, f) for f in ("version", "as_of", "description", *COLLECTIONS)}
        return (_rebuild, (self.name, fields))

    def __copy__(self) -> Dataset:
        return self  # immutable: a copy is the dataset itself, as for a tuple

    def __deepcopy__(self, memo: dict[int, object]) -> Dataset:
        return self

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, c))} {c}" for c in COLLECTIONS)
        return f"<Dataset {self.name!r} {self.version} as of {self.as_of}: {counts}>"

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Record]:
        return itertools.chain.from_iterable(map(getattr, itertools.repeat(self), COLLECTIONS))

    def __contains__(self, id: object) -> bool:
        return id in self._by_id

    def _repr_html_(self) -> str:
        from canjapan._display import dataset_html

        return dataset_html(self)

    def replace(self, **changes: Any) -> Dataset:
        """A new dataset with some fields replaced (checked like a new one)."""
        fields = {f: getattr(self, f) for f in _VALUE_FIELDS}
        fields.update(changes)
        return Dataset(**fields)

    # -- lookups ------------------------------------------------------------------------

    @property
    def ids(self) -> Mapping[str, Record]:
        """A read-only mapping of every id to its record."""
        return self._by_id

    @overload
    def get(self, id: str) -> Record: ...
    @overload
    def get(self, id: str, kind: type[T]) -> T: ...
    def get(self, id: str, kind: type[Any] | None = None) -> Any:
        """The record with this id.

        Args:
            id: The record's id.
            kind: Optionally, the record class expected (``Agreement``, ...); the
                result is then typed as that class.

        Raises:
            UnknownIdError: no record has it, or it is not of ``kind`` (a
                ``KeyError``); it suggests close ids.
        """
        if kind is not None:
            return self._typed(id, kind)
        try:
            return self._by_id[id]
        except (KeyError, TypeError):
            import difflib

            close = difflib.get_close_matches(str(id), list(self._by_id), n=3, cutoff=0.6)
            if not close:
                lowered = str(id).lower()
                close = [k for k in self._by_id if lowered in k][:3]
            raise UnknownIdError(str(id), close) from None

    def lookup(self, text: str) -> Record:
        """The one record known by ``text``: its id, or exactly one of its names
        (title, name, short name, abbreviation, alias or label), ignoring case,
        accents and repeated spaces: ``lookup("MLSA")``, ``lookup("melanie joly")``,
        ``lookup("Prime Minister of Canada")``.

        Raises:
            UnknownIdError: no record, or more than one, is known by ``text``; it
                suggests the records meant.
        """
        from canjapan._search import lookup

        return lookup(self, text)

    def find(self, id: str, default: T | None = None) -> Record | T | None:
        """The record with this id, or ``default``."""
        return self._by_id.get(id, default)

    def kind_of(self, id: str) -> str:
        """The collection a record belongs to (``"agreements"``, ...)."""
        return _KIND_OF[type(self.get(id))]

    def _typed(self, id_or_record: str | T, cls: type[T]) -> T:
        if isinstance(id_or_record, cls):
            rid = id_or_record.id  # type: ignore[attr-defined]  # every record has an id
            ours = self._by_id.get(rid)
            if ours is id_or_record or ours == id_or_record:
                return id_or_record
            what = "is not in this dataset" if ours is None else "differs from this dataset's"
            msg = f"{_article(cls.__name__)} {rid!r} {what}"
            if ours is not None:
                msg += " record of that id"
            raise UnknownIdError(str(rid), message=msg)
        record = self.get(id_or_record)  # type: ignore[arg-type]  # not a cls, so an id
        if not isinstance(record, cls):
            msg = (
                f"{id_or_record!r} is {_article(type(record).__name__)}, "
                f"not {_article(cls.__name__)}"
            )
            raise UnknownIdError(str(id_or_record), message=msg) from None
        return record

    # -- cached derived data --------------------------------------------------------------

    def _cached(self, key: str, build: Callable[[], T]) -> T:
        cache = self._cache
        try:
            return cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        # Re-entrant: building one derived table may need another (the indexes use
        # the bounds). Each is built once, whatever the number of threads. The
        # tables hold no reference cycles: the garbage collector waits meanwhile.
        with self._lock:
            if key not in cache:
                with gc_paused():
                    cache[key] = build()
            return cache[key]  # type: ignore[no-any-return]

    def _agreement_bounds(self) -> tuple[tuple[int, int, int, int], ...]:
        return self._cached(
            "agreement_bounds", lambda: tuple(agreement_bounds(a) for a in self.agreements)
        )

    def _agreement_columns(self) -> tuple[array[int], array[int], array[int], array[int]]:
        """The agreement bounds as four columns: start lo, start hi, end lo, end hi."""

        def build() -> tuple[array[int], array[int], array[int], array[int]]:
            bounds = self._agreement_bounds()
            lo_s, hi_s, lo_e, hi_e = (array("q", map(itemgetter(k), bounds)) for k in range(4))
            return lo_s, hi_s, lo_e, hi_e

        return self._cached("agreement_columns", build)

    def _agreement_index(self, possible: bool) -> StabbingIndex:
        """The index of the days agreements are certainly (or possibly) in force on."""

        def build() -> StabbingIndex:
            from canjapan._index import StabbingIndex

            lo_s, hi_s, lo_e, hi_e = self._agreement_columns()
            return StabbingIndex(lo_s, hi_e) if possible else StabbingIndex(hi_s, lo_e)

        return self._cached(f"agreement_index:{possible}", build)

    def _agreement_indexes(self) -> tuple[StabbingIndex, StabbingIndex]:
        return self._cached(
            "agreement_indexes",
            lambda: (self._agreement_index(possible=False), self._agreement_index(possible=True)),
        )

    # -- queries ----------------------------------------------------------------------------

    def agreements_in_force(
        self, on: DateLike | None = None, *, include_possible: bool = False
    ) -> InForce:
        """The agreements in force on a date.

        Args:
            on: A ``date``, ``datetime``, ISO string or [`PartialDate`][canjapan.PartialDate]; today
                if omitted. A partial date asks about every day it can be.
            include_possible: Also return the agreements whose status on that date
                is undetermined but may be in force (in force from ``2019-07``,
                asked about ``2019-07-15``; signed, entry into force unknown).

        Returns:
            An [`InForce`][canjapan.InForce] with the certain (and possible) agreements and the
            dataset's ``as_of``. An agreement with no recorded termination is
            presumed to continue, also past ``as_of``.
        """
        on = date.today() if on is None else on
        lo, hi = day_bounds(on)
        certain_ids, possible_ids = self._in_force_ids(lo, hi, include_possible)
        agreements = self.agreements
        return InForce(
            on=date_text(on, lo, hi),
            as_of=self.as_of,
            certain=tuple(map(agreements.__getitem__, certain_ids)),
            possible=tuple(map(agreements.__getitem__, possible_ids)),
        )

    def _in_force_ids(
        self, lo: int, hi: int, include_possible: bool
    ) -> tuple[list[int], list[int]]:
        bounds = self._agreement_bounds()
        n = len(bounds)
        # Below SMALL, or for a partial date (a span of days), the scan answers.
        if n >= SMALL and lo == hi:
            found = _stab(
                self._agreement_index(possible=False),
                lambda: self._agreement_index(possible=True),
                lo,
                n,
                lambda certain: include_possible,
            )
            if found is not None:
                return found
        return _scan_in_force(bounds, lo, hi, include_possible)

    def office_holders(
        self, post: str | Post, on: DateLike | None = None, *, include_possible: bool = False
    ) -> OfficeHolders:
        """The people holding an office on a date, and what the dataset can say of it.

        Args:
            post: A post id or [`Post`][canjapan.Post].
            on: A ``date``, ``datetime``, ISO string or [`PartialDate`][canjapan.PartialDate]; today
                if omitted.
            include_possible: Also return the people whose tenure may cover the date.
                For a post held by one person at a time
                ([`Post.single_holder`][canjapan.Post.single_holder]), someone certainly in office
                throughout the date rules everyone else out.

        Returns:
            The holders, with [`OfficeHolders.state`][canjapan.OfficeHolders] telling apart a post
            that was vacant from one whose holder on that date the dataset does not
            know (see [`OfficeState`][canjapan.OfficeState]).

        Raises:
            UnknownIdError: ``post`` is not the id of a post.
        """
        the_post = self._typed(post, Post)
        on = date.today() if on is None else on
        lo, hi = day_bounds(on)
        holders = self._post_tenures().get(the_post.id, _NO_TENURES)
        exclusive = the_post.single_holder
        if len(holders.bounds) < SMALL:
            certain_ids, possible_ids = _scan_holders(holders.bounds, lo, hi, exclusive)
        else:
            certain_ids, possible_ids = self._indexed_holders(
                the_post.id, holders, lo, hi, exclusive
            )
        from canjapan._results import OfficeHolders

        return OfficeHolders(
            post=the_post,
            on=date_text(on, lo, hi),
            as_of=self.as_of,
            state=self._office_state(the_post, lo, hi, bool(certain_ids), bool(possible_ids)),
            certain=_holders(holders, certain_ids),
            possible=_holders(holders, possible_ids) if include_possible else (),
        )

    def _office_state(
        self, post: Post, lo: int, hi: int, certain: bool, possible: bool
    ) -> OfficeState:
        if certain:
            return OfficeState.HELD
        if possible:
            return OfficeState.POSSIBLY_HELD
        if post.complete_from is None:
            return OfficeState.UNKNOWN
        last = self.as_of.toordinal() if post.complete_to is None else post.complete_to._lo
        if post.complete_from._hi <= lo and hi <= last:
            return OfficeState.VACANT
        return OfficeState.NOT_COVERED

    def _indexed_holders(
        self, post: str, holders: _Tenures, lo: int, hi: int, exclusive: bool
    ) -> tuple[list[int], list[int]]:
        bounds = holders.bounds
        if lo == hi:  # a partial date is a span of days, which the index does not answer
            found = _stab(
                self._holder_index(post, bounds, possible=False),
                lambda: self._holder_index(post, bounds, possible=True),
                lo,
                len(bounds),
                # Someone certain in a post held by one person rules out the others.
                lambda certain: not (certain and exclusive),
            )
            if found is not None:
                return found
        return _scan_holders(bounds, lo, hi, exclusive)

    def _holder_index(
        self, post: str, bounds: Sequence[tuple[int, int, int, int]], possible: bool
    ) -> StabbingIndex:
        """The index of the days a post's tenures certainly (or possibly) cover."""

        def build() -> StabbingIndex:
            from canjapan._index import StabbingIndex

            lo, hi = (0, 3) if possible else (1, 2)
            starts, ends = (array("q", map(itemgetter(k), bounds)) for k in (lo, hi))
            return StabbingIndex(starts, ends)

        return self._cached(f"holders:{post}:{possible}", build)

    def _post_tenures(self) -> Mapping[str, _Tenures]:
        def build() -> Mapping[str, _Tenures]:
            # Each post's tenures by earliest start, then person id: the people are
            # sorted by id, so a stable sort on the start alone gives that order.
            # Columns built with C-level maps, no object per tenure: a Python loop
            # or a tuple per tenure was most of the cost. Each post keeps its rows
            # into the tenures and holders lists, which all posts share: only the
            # bounds are gathered in its order. The Holder objects are made for the
            # answers only (see _holders).
            people = self.people
            held = list(map(_tenures_of, people))
            tenures = list(itertools.chain.from_iterable(held))
            # Most people hold one tenure: then the people are the holders (as many
            # tenures as people, and nobody with none, is one each).
            holders: Sequence[Person] = (
                people
                if len(tenures) == len(people) and all(held)
                else list(
                    itertools.chain.from_iterable(map(itertools.repeat, people, map(len, held)))
                )
            )
            bounds = list(map(tenure_bounds, tenures))
            # Float keys (exact below 2**53), made afresh: they sort faster than the
            # bounds' int objects, which lie all over memory.
            starts = list(map(float, map(itemgetter(0), bounds)))
            order = sorted(range(len(tenures)), key=starts.__getitem__)
            del held, starts  # not needed further: freed before the per-post lists
            posts = list(map(_post_of, tenures))
            by_post: dict[str, list[int]] = {post: [] for post in dict.fromkeys(posts)}
            if len(by_post) == 1:  # one post: all of them, in order
                by_post[posts[0]] = order
            else:
                collections.deque(
                    map(
                        list.append,
                        map(by_post.__getitem__, map(posts.__getitem__, order)),
                        order,
                    ),
                    maxlen=0,
                )
            return MappingProxyType(
                {
                    post: _Tenures(
                        holders,
                        tenures,
                        rows,
                        tuple(map(bounds.__getitem__, rows)),
                        [None] * len(rows),
                    )
                    for post, rows in by_post.items()
                }
            )

        return self._cached("post_tenures", build)

    def timeline(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        kinds: Iterable[str] | None = None,
        participant: str | None = None,
        country: str | None = None,
        place: str | None = None,
        domain: str | None = None,
        include_straddling: bool = False,
    ) -> Timeline:
        """Agreement milestones and events in chronological order.

        Args:
            start: Keep entries on or after this date (all if omitted).
            end: Keep entries on or before this date (all if omitted).
            kinds: Keep only these milestone or event kinds (``"signed"``,
                ``"exercise"``, ...).
            participant: Keep events with this person or organisation id among
                their participants (and milestones naming this person).
            country: Keep events involving this alpha-3 country (and agreements it
                is party to).
            place: Keep entries at this place id.
            domain: Keep events in this domain (``"sea"``, ...); drops milestones.
            include_straddling: Also keep entries whose partial date may fall on
                either side of a bound (``2019`` against a start of ``2019-07-01``).

        Returns:
            Entries sorted by earliest day, then latest day: a [`Timeline`][canjapan.Timeline],
            a tuple of [`TimelineEntry`][canjapan.TimelineEntry] that displays itself and
            converts with ``to_pandas()``.

        Raises:
            FilterError: a kind, country code or domain no entry can have, or a
                ``start`` after ``end``; it suggests close valid values.
            UnknownIdError: ``participant`` is not a person or organisation, or
                ``place`` not a place, of this dataset.
        """
        lo = ALWAYS if start is None else day_bounds(start)[0]
        hi = NEVER if end is None else day_bounds(end)[1]
        if start is not None and end is not None and day_bounds(start)[0] > day_bounds(end)[1]:
            raise FilterError("start", str(start), f"is after end {str(end)!r}")
        wanted = None if kinds is None else {str(k) for k in kinds}
        self._check_filters(wanted, participant, country, place, domain)
        table = self._timeline_table()
        spans = table.spans
        window = spans.starting(lo, hi)
        positions: Iterable[int] = window
        if include_straddling:
            positions = [*spans.straddling(lo), *window]
        elif hi < spans.max_hi:  # some entries starting in the window may end after it
            positions = compress(
                window,
                map(operator.ge, itertools.repeat(hi), spans.his[window.start : window.stop]),
            )
        if wanted is not None or any(f is not None for f in (participant, country, place, domain)):
            record = table.record
            positions = [
                p
                for p in positions
                if (wanted is None or _kind(*record(p)) in wanted)
                and _matches(*record(p), participant, country, place, domain)
            ]
        from canjapan._results import Timeline

        return Timeline(table.entries(positions))

    def _check_filters(
        self,
        kinds: set[str] | None,
        participant: str | None,
        country: str | None,
        place: str | None,
        domain: str | None,
    ) -> None:
        """Refuse filter values that no entry can match, suggesting close ones."""
        if kinds is not None:
            valid = [k.value for k in EventKind] + [k.value for k in MilestoneKind]
            for kind in sorted(kinds - set(valid)):
                raise FilterError(
                    "kind", kind, "no such event or milestone kind", _close(kind, valid)
                )
        if country is not None:
            codes = self._cached(
                "country_codes",
                lambda: sorted(
                    {c for e in self.events for c in e.countries}
                    | {c for a in self.agreements for c in a.parties}
                ),
            )
            if country not in codes:
                hint = [c for c in codes if c.startswith(str(country).upper())]
                reason = "no event or agreement of this dataset involves this country code"
                raise FilterError("country", country, reason, hint or _close(country, codes))
        if domain is not None:
            valid = [d.value for d in Domain]
            if domain not in valid:
                raise FilterError("domain", domain, "no such domain", _close(domain, valid))
        for name, value, kinds_of in (
            ("participant", participant, (Person, Organization)),
            ("place", place, Place),
        ):
            if value is not None and not isinstance(self.find(value), kinds_of):
                pool = [r.id for r in self if isinstance(r, kinds_of)]
                lowered = str(value).lower()
                hint = [i for i in pool if lowered in i][:3] or _close(lowered, pool)
                msg = f"no {name} with id {value!r}"
                raise UnknownIdError(str(value), hint, message=msg)

    def _timeline_table(self) -> _Timeline:
        return self._cached("timeline", lambda: _Timeline(self.agreements, self.events))

    def search(self, text: str, *, limit: int | None = 10) -> SearchResults:
        """Records whose titles, names, aliases, abbreviations or labels match ``text``.

        Exact matches of an abbreviation, alias or name rank first, then whole-word
        matches, then substrings, then close spellings. Case and accents are
        ignored; a query longer than 200 characters answers as its first 200.

        Returns:
            At most ``limit`` hits (all for ``None``), best first: a
            [`SearchResults`][canjapan.SearchResults], a tuple of [`SearchHit`][canjapan.SearchHit]
            that displays itself and converts with ``to_pandas()``.
        """
        from canjapan._results import SearchResults
        from canjapan._search import search

        return SearchResults(search(self, text, limit=limit), text)

    def snapshot(self, on: DateLike | None = None) -> Snapshot:
        """The state of the relationship on a date: agreements in force, mechanisms
        active, office holders on both sides, the events on the date and in progress
        on it, and the last and next events."""
        on = date.today() if on is None else on
        lo, hi = day_bounds(on)
        in_force = self.agreements_in_force(on, include_possible=True)
        certain_ids = {a.id for a in in_force.certain}
        mechanisms = tuple(
            m for m in self.mechanisms if self._mechanism_active(m, lo, hi, certain_ids)
        )
        holders = tuple(self.office_holders(p, on, include_possible=True) for p in self.posts)
        happened = [e for e in self.events if e.status in _TOOK_PLACE]
        before = [e for e in happened if (e.end or e.start)._hi < lo]
        after = [e for e in happened if e.start._lo > hi]
        # The rest may fall on the date: in progress if certainly started before it
        # and certainly ending after it, else on the date.
        during = [e for e in happened if (e.end or e.start)._hi >= lo and e.start._lo <= hi]
        in_progress = tuple(e for e in during if e.start._hi < lo and (e.end or e.start)._lo > hi)
        spanning = {e.id for e in in_progress}
        events_on = tuple(e for e in during if e.id not in spanning)
        # The last event is the one that can end latest; the next, the one that can
        # start earliest (ties broken by the other bound, then by id).
        last = max(
            before,
            key=lambda e: ((e.end or e.start)._hi, (e.end or e.start)._lo, e.id),
            default=None,
        )
        nxt = min(after, key=lambda e: (e.start._lo, e.start._hi, e.id), default=None)
        from canjapan._results import Snapshot

        return Snapshot(
            on=date_text(on, lo, hi),
            as_of=self.as_of,
            in_force=in_force,
            mechanisms=mechanisms,
            office_holders=holders,
            events_on=events_on,
            in_progress=in_progress,
            last_event=last,
            next_event=nxt,
        )

    def _mechanism_active(self, m: Mechanism, lo: int, hi: int, in_force: set[str]) -> bool:
        if m.end is not None and m.end._lo <= hi:
            return False
        if m.start is not None:
            return m.start._hi <= lo
        if m.established_by is not None:
            return m.established_by in in_force
        sessions = [e.start._hi for e in self.events if e.mechanism == m.id]
        return bool(sessions) and min(sessions) <= lo

    # -- conversions ------------------------------------------------------------------------

    def to_pandas(self) -> dict[str, Any]:
        """One pandas DataFrame per collection, plus the nested tables.

        Besides a frame per collection, it returns ``agreement_milestones``,
        ``tenures``, ``labels`` and ``citations``, each keyed by its parent's id.
        Each date field becomes three columns: the EDTF text (``string``), and
        ``<field>_earliest`` and ``<field>_latest`` (``datetime64[s]``).

        Raises:
            MissingExtraError: pandas is not installed (``pip install 'canjapan[pandas]'``).
        """
        from canjapan._frames import to_pandas

        return to_pandas(self)


class _Tenures(NamedTuple):
    """The tenures of a post as the office-holder queries keep them, by earliest
    start, then person id: entry ``i`` is row ``rows[i]`` of the tenures of every
    post and of their holders, two lists all posts share (so that building the
    table gathers only the bounds)."""

    people: Sequence[Person]
    """The holder of each row."""
    tenures: Sequence[Tenure]
    """The tenure of each row."""
    rows: Sequence[int]
    bounds: tuple[tuple[int, int, int, int], ...]
    """Each entry's day bounds (see :func:`canjapan._status.tenure_bounds`)."""
    made: list[Holder | None]
    """The answers' Holder objects, made on first use and kept (concurrent first
    uses may each make one; they are equal)."""

    def held(self, i: int) -> tuple[Person, Tenure]:
        """The person and the tenure of entry ``i``."""
        row = self.rows[i]
        return self.people[row], self.tenures[row]


_NO_TENURES: Final = _Tenures((), (), (), (), [])


def _holders(tenures: _Tenures, ids: Iterable[int]) -> tuple[Holder, ...]:
    from canjapan._results import Holder

    people, held, rows, made = tenures.people, tenures.tenures, tenures.rows, tenures.made
    out = []
    for i in ids:
        holder = made[i]
        if holder is None:
            row = rows[i]  # as in _Tenures.held, without a call per holder
            holder = made[i] = Holder(person=people[row], tenure=held[row])
        out.append(holder)
    return tuple(out)


def _stab(
    certain_index: StabbingIndex,
    possible_index: Callable[[], StabbingIndex],
    day: int,
    n: int,
    wants_possible: Callable[[list[int]], bool],
) -> tuple[list[int], list[int]] | None:
    """The certain and (if ``wants_possible(certain)``) possible positions on
    ``day`` from the indexes, the possible index made only then; ``None`` when an
    index would check more than half the ``n`` records one by one, so that a scan
    is as cheap (checking one costs the index about what it costs the scan)."""
    if certain_index.checks(day) * _CHECKS_PER_SCAN > n:
        return None
    certain = certain_index.stab_sorted(day)
    if not wants_possible(certain):
        return certain, []
    index = possible_index()
    if index.checks(day) * _CHECKS_PER_SCAN > n:
        return None
    taken = set(certain)
    return certain, [i for i in index.stab_sorted(day) if i not in taken]


def _rebuild(name: str, fields: dict[str, Any]) -> Dataset:
    return Dataset(name=name, **fields)


def _scan_in_force(
    bounds: Sequence[tuple[int, int, int, int]], lo: int, hi: int, include_possible: bool
) -> tuple[list[int], list[int]]:
    """The certain and possible agreements over days ``lo..hi``, by a plain scan, in
    index order."""
    certain = [i for i, b in enumerate(bounds) if b[1] <= lo and b[2] > hi]
    possible: list[int] = []
    if include_possible:
        possible = [
            i
            for i, (s_lo, s_hi, e_lo, e_hi) in enumerate(bounds)
            if max(lo, s_lo) <= hi and max(lo, s_lo) < e_hi and not (s_hi <= lo and e_lo > hi)
        ]
    return certain, possible


def _close(value: object, valid: Sequence[str]) -> list[str]:
    """Up to three valid values close to ``value``."""
    import difflib

    return difflib.get_close_matches(str(value), list(valid), n=3, cutoff=0.5)


def _scan_holders(
    bounds: Sequence[tuple[int, int, int, int]], lo: int, hi: int, exclusive: bool
) -> tuple[list[int], list[int]]:
    """The certain and possible holders over days ``lo..hi``, by a plain scan, in
    index order. With ``exclusive`` (one holder at a time), possible holders are
    only looked for when nobody is certain."""
    certain = [i for i, (_, s_hi, e_lo, _) in enumerate(bounds) if s_hi <= lo and e_lo > hi]
    if certain and exclusive:
        return certain, []
    taken = set(certain)
    possible = [
        i
        for i, (s_lo, _, _, e_hi) in enumerate(bounds)
        if max(lo, s_lo) <= hi and max(lo, s_lo) < e_hi and i not in taken
    ]
    return certain, possible


_TOOK_PLACE: Final = frozenset({EventStatus.HELD, EventStatus.PLANNED})
"""Event statuses counted as the last or next event of a snapshot."""

_VALUE_FIELDS: Final = ("name", "version", "as_of", "description", *COLLECTIONS)

_MILESTONE_VERB: Final = {
    MilestoneKind.NEGOTIATIONS_LAUNCHED: "Negotiations launched",
    MilestoneKind.AGREED_IN_PRINCIPLE: "Agreed in principle",
    MilestoneKind.SIGNED: "Signed",
    MilestoneKind.APPROVED: "Approved",
    MilestoneKind.ADOPTED: "Adopted",
    MilestoneKind.ENTERED_INTO_FORCE: "Entered into force",
    MilestoneKind.IN_EFFECT: "Attested in effect",
    MilestoneKind.TERMINATED: "Terminated",
}


def _kind(record: Agreement | Event, milestone: Milestone | None) -> str:
    if milestone is not None:
        return milestone.kind.value
    assert isinstance(record, Event)
    return record.kind.value


def _matches(
    record: Agreement | Event,
    m: Milestone | None,
    participant: str | None,
    country: str | None,
    place: str | None,
    domain: str | None,
) -> bool:
    if isinstance(record, Event):
        return (
            (participant is None or participant in record.participants)
            and (country is None or country in record.countries)
            and (place is None or record.place == place)
            and (domain is None or domain in record.domains)
        )
    assert m is not None
    return (
        domain is None
        and (participant is None or participant in m.people)
        and (country is None or country in record.parties)
        and (place is None or m.place == place)
    )


class _Timeline:
    """Every agreement milestone and event as a timeline entry, for queries.

    The entries' day bounds are sorted once into a ``SpanIndex`` (by earliest
    day, then latest day, then record id, then kind); the
    [`TimelineEntry`][canjapan.TimelineEntry] objects are made on first use, for the entries
    that answers hold, and kept. Records and milestones stay in collection order,
    reached through ``order``: gathering a million records in sorted order touches
    each record's memory and cost more than the sort.
    """

    __slots__ = ("_made", "_milestones", "_records", "order", "spans")

    def __init__(self, agreements: Sequence[Agreement], events: Sequence[Event]) -> None:
        from canjapan._index import SpanIndex

        records: list[Agreement | Event] = [a for a in agreements for _ in a.milestones]
        milestones: list[Milestone | None] = [m for a in agreements for m in a.milestones]
        count = len(records)
        los = array("q", map(_date_lo, milestones))
        his = array("q", map(_date_hi, milestones))
        records.extend(events)
        milestones.extend(itertools.repeat(None, len(events)))
        los.extend(map(_start_lo, events))
        # Entries sort by their date's bounds (an event's start); they span to its end.
        keyed = his + array("q", map(_start_hi, events))
        his.extend(map(_end_hi, events))
        # Sorted by id (agreements and events are each sorted: a merge, needed only
        # when both have entries), then, stably, by day bounds (one float key, exact
        # below 2**53), then ties of one agreement by kind: the order of (earliest,
        # latest, id, kind).
        if count and events:
            order = sorted(range(len(records)), key=list(map(_by_id_key, records)).__getitem__)
        else:
            order = list(range(len(records)))
        if not los or (min(los) >= 0 and max(keyed) < _DAYS):
            keys: list[Any] = list(
                map(operator.add, map(operator.mul, los, itertools.repeat(_DAYS_F)), keyed)
            )
        else:  # pragma: no cover - partial dates are years 1-9999
            keys = list(zip(los, keyed, strict=True))
        order.sort(key=keys.__getitem__)
        # Only milestones of one agreement on the same day bounds can tie.
        if len(set(zip(map(id, records[:count]), keys[:count], strict=True))) < count:
            _sort_ties_by_kind(order, list(map(records.__getitem__, order)), milestones, keys)
        self._records = records
        self._milestones = milestones
        # Gathers read an array: the sorted list's int objects lie all over memory.
        self.order = array("q", order)
        self.spans = SpanIndex(
            array("q", map(los.__getitem__, self.order)),
            array("q", map(his.__getitem__, self.order)),
        )
        self._made: list[TimelineEntry | None] = [None] * len(records)

    def record(self, p: int) -> tuple[Agreement | Event, Milestone | None]:
        """The record and milestone (``None`` for an event) of the entry at ``p``."""
        i = self.order[p]
        return self._records[i], self._milestones[i]

    def entries(self, positions: Iterable[int]) -> list[TimelineEntry]:
        """The entries at these positions, made and kept on first use."""
        made = self._made
        if isinstance(positions, range):
            found = made[positions.start : positions.stop]
            if None not in found:
                return found  # type: ignore[return-value]
        wanted = positions if isinstance(positions, range | list) else list(positions)
        with gc_paused() if len(wanted) > _BULK else contextlib.nullcontext():
            out = []
            for p in wanted:
                entry = made[p]
                if entry is None:
                    entry = made[p] = self._make(p)
                out.append(entry)
        return out

    def _make(self, p: int) -> TimelineEntry:
        from canjapan._results import TimelineEntry

        record, m = self.record(p)
        if m is None:
            assert isinstance(record, Event)
            return TimelineEntry(
                date=record.start,
                end=record.end,
                kind=record.kind.value,
                title=record.title,
                record=record,
            )
        return TimelineEntry(
            date=m.date,
            end=None,
            kind=m.kind.value,
            title=f"{_MILESTONE_VERB[m.kind]}: {record.title}",
            record=record,
            milestone=m,
        )


_BULK: Final = 4096
"""Making more entries than this at once pauses the garbage collector."""

_DAYS: Final = 1 << 22
"""Above every day ordinal of years 1-9999."""
_DAYS_F: Final = float(_DAYS)
_tenures_of: Final[Callable[[Person], tuple[Tenure, ...]]] = attrgetter("tenures")
_post_of: Final[Callable[[Tenure], str]] = attrgetter("post")
_date_lo: Final[Callable[[Any], int]] = attrgetter("date._lo")
_date_hi: Final[Callable[[Any], int]] = attrgetter("date._hi")
_start_lo: Final[Callable[[Any], int]] = attrgetter("start._lo")
_start_hi: Final[Callable[[Any], int]] = attrgetter("start._hi")


def _end_hi(event: Event) -> int:
    return (event.end or event.start)._hi


def _sort_ties_by_kind(
    order: list[int],
    ordered: Sequence[Agreement | Event],
    milestones: Sequence[Milestone | None],
    keys: Sequence[Any],
) -> None:
    """Sort by kind the runs of ``order`` that are milestones of one agreement with
    the same day bounds; ``ordered`` holds the records in ``order``'s order."""
    same = bytes(map(operator.is_, ordered, itertools.islice(ordered, 1, None)))
    i = same.find(1)
    while i >= 0:
        key = keys[order[i]]
        j = i
        while j < len(same) and same[j] and keys[order[j + 1]] == key:
            j += 1
        if j > i:
            run = order[i : j + 1]
            run.sort(key=lambda q: milestones[q].kind.value)  # type: ignore[union-attr]
            order[i : j + 1] = run
        i = same.find(1, j if j > i else i + 1)


def _as_of(value: object, problems: list[Problem]) -> date:
    if isinstance(value, date):
        with contextlib.suppress(TypeError):  # pandas.NaT: no day, reported below
            return calendar_day(value)
    if isinstance(value, str | PartialDate):
        try:
            lo, hi = day_bounds(value)
        except ValueError:
            pass
        else:
            if lo == hi:
                return date.fromordinal(lo)
    problems.append(
        Problem("dataset", None, "as_of", f"must be a single day like '2026-03-06', got {value!r}")
    )
    return date.min


def _check_references(
    collections: Mapping[str, Sequence[Any]], by_id: Mapping[str, Record]
) -> list[Problem]:
    problems: list[Problem] = []
    get = by_id.get

    # Most references resolve: each check tests that first, and only builds the
    # field path (a format string and its arguments) for a problem.
    def ref(cname: str, rid: str, target: str | None, kinds: Any, path: str, *args: Any) -> None:
        if target is None or isinstance(get(target), kinds):
            return
        found = get(target)
        where = path.format(*args)
        if found is None:
            problems.append(Problem(cname, rid, where, f"unknown id {target!r}"))
        else:
            classes = kinds if isinstance(kinds, tuple) else (kinds,)
            want = " or ".join(_article(k.__name__) for k in classes)
            problems.append(
                Problem(
                    cname,
                    rid,
                    where,
                    f"{target!r} is {_article(type(found).__name__)}, expected {want}",
                )
            )

    def cites(
        cname: str, rid: str, citations: Sequence[Citation], prefix: str = "", *args: Any
    ) -> None:
        for c in citations:
            if get(c.source).__class__ is not Source:
                where = prefix.format(*args)
                for i, bad in enumerate(citations):
                    ref(cname, rid, bad.source, Source, "{}citations[{}].source", where, i)
                return

    for r in collections["places"]:
        cites("places", r.id, r.citations)
    for r in collections["organizations"]:
        ref("organizations", r.id, r.parent, Organization, "parent")
        if r.parent == r.id:
            problems.append(
                Problem("organizations", r.id, "parent", "an organization cannot be its own parent")
            )
        cites("organizations", r.id, r.citations)
    for r in collections["posts"]:
        ref("posts", r.id, r.organization, Organization, "organization")
        cites("posts", r.id, r.citations)
    for r in collections["people"]:
        cites("people", r.id, r.citations)
        for i, t in enumerate(r.tenures):
            ref("people", r.id, t.post, Post, "tenures[{}].post", i)
            cites("people", r.id, t.citations, "tenures[{}].", i)
    _check_agreements(collections["agreements"], get, ref, cites, problems)
    for r in collections["mechanisms"]:
        ref("mechanisms", r.id, r.established_by, Agreement, "established_by")
        cites("mechanisms", r.id, r.citations)
        if r.start is not None and r.end is not None and r.start.certainly_after(r.end):
            problems.append(
                Problem("mechanisms", r.id, "end", f"{r.end} is before start {r.start}")
            )
    for r in collections["events"]:
        ref("events", r.id, r.place, Place, "place")
        ref("events", r.id, r.mechanism, Mechanism, "mechanism")
        ref("events", r.id, r.part_of, Event, "part_of")
        for i, p in enumerate(r.participants):
            ref("events", r.id, p, (Person, Organization), "participants[{}]", i)
        for i, x in enumerate(r.related):
            ref("events", r.id, x, _RECORD_CLASSES, "related[{}]", i)
        cites("events", r.id, r.citations)
    for r in collections["figures"]:
        for i, x in enumerate(r.related):
            ref("figures", r.id, x, _RECORD_CLASSES, "related[{}]", i)
        cites("figures", r.id, r.citations)
    for r in collections["topics"]:
        for i, x in enumerate(r.related):
            ref("topics", r.id, x, _RECORD_CLASSES, "related[{}]", i)
        cites("topics", r.id, r.citations)
    problems.extend(
        _check_cycles(
            "events", {e.id: e.part_of for e in collections["events"] if e.part_of}, "part_of"
        )
    )
    problems.extend(
        _check_cycles(
            "organizations",
            {o.id: o.parent for o in collections["organizations"] if o.parent},
            "parent",
            self_links=False,  # "cannot be its own parent", above
        )
    )
    shared = frozenset(p.id for p in collections["posts"] if not p.single_holder)
    problems.extend(_check_tenure_overlaps(collections["people"], shared))
    return problems


def _check_cycles(
    collection: str, links: Mapping[str, str], field: str, *, self_links: bool = True
) -> list[Problem]:
    """No record may reach itself through ``field`` links (``links``: id to target);
    each cycle is reported once, at the first of its records met. Without
    ``self_links``, a record naming itself is left to another check."""
    problems: list[Problem] = []
    done: set[str] = set()
    for start in links:
        path: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in seen:
            seen.add(node)
            path.append(node)
            node = links.get(node)
        if node is not None and node in seen:
            cycle = path[path.index(node) :]
            if self_links or len(cycle) > 1:
                problems.append(
                    Problem(
                        collection,
                        node,
                        field,
                        f"{field} links form a cycle: " + " -> ".join([*cycle, node]),
                    )
                )
        done.update(path)
    return problems


def _check_agreements(
    agreements: Sequence[Agreement],
    get: Callable[[str], Record | None],
    ref: Callable[..., None],
    cites: Callable[..., None],
    problems: list[Problem],
) -> None:
    """Check the agreements' references (through ``ref`` and ``cites``, which record
    their problems) and the order of their milestones, adding to ``problems`` in
    record order; the checks that call nothing come first, as a dataset may hold
    very many agreements."""
    for r in agreements:
        for c in r.citations:
            if get(c.source).__class__ is not Source:
                cites("agreements", r.id, r.citations)
                break
        for s in r.signatories:
            if get(s).__class__ is not Person:
                for i, signatory in enumerate(r.signatories):
                    ref("agreements", r.id, signatory, Person, "signatories[{}]", i)
                break
        previous: Milestone | None = None
        for i, m in enumerate(r.milestones):
            if m.place is not None and get(m.place).__class__ is not Place:
                ref("agreements", r.id, m.place, Place, "milestones[{}].place", i)
            for j, p in enumerate(m.people):
                ref("agreements", r.id, p, Person, "milestones[{}].people[{}]", i, j)
            for c in m.citations:
                if get(c.source).__class__ is not Source:
                    cites("agreements", r.id, m.citations, "milestones[{}].", i)
                    break
            # m certainly before previous (PartialDate.certainly_before, inline)
            if (
                previous is not None
                and previous.kind is not m.kind
                and m.date._hi < previous.date._lo
            ):
                was = f"{previous.kind.value} {previous.date}"
                problems.append(
                    Problem(
                        "agreements",
                        r.id,
                        f"milestones[{i}].date",
                        f"{m.kind.value} {m.date} is before {was}",
                    )
                )
            previous = m


def _check_tenure_overlaps(people: Sequence[Person], shared: frozenset[str]) -> list[Problem]:
    """Tenures of one post must not certainly overlap, unless the post is in
    ``shared`` (the posts not held by one person at a time).

    Two tenures certainly overlap when the spans in which each is certain,
    ``[latest start, earliest end)``, intersect. Sorting those spans by start and
    sweeping finds every tenure that overlaps an earlier one in O(n log n).
    """
    problems: list[Problem] = []
    by_post: dict[str, list[tuple[int, int, str, int]]] = {}
    for person in people:
        for i, t in enumerate(person.tenures):
            _, s_hi, e_lo, _ = tenure_bounds(t)
            if s_hi < e_lo and t.post not in shared:
                by_post.setdefault(t.post, []).append((s_hi, e_lo, person.id, i))
    for post, spans in by_post.items():
        spans.sort()
        reach, holder = spans[0][1], spans[0]
        for span in spans[1:]:
            start, end, pid, i = span
            if start < reach:
                problems.append(
                    Problem(
                        "people",
                        pid,
                        f"tenures[{i}]",
                        f"tenure in {post!r} certainly overlaps "
                        f"tenures[{holder[3]}] of {holder[2]!r}",
                    )
                )
            if end > reach:
                reach, holder = end, span
    return problems


def _article(name: str) -> str:
    return ("an " if name[0] in "AEIOU" else "a ") + name

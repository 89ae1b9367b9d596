"""Specialised structure hooks, one per record class. Generated: do not edit.

Written by ``python -m canjapan._hookgen`` from the model (``make hooks``); see that
module for what they check. Each hook raises on anything unexpected, and the loader
then takes the careful path. The colon counters (``COLONS``) serve the loader's
check for keys given twice (see ``canjapan._converter._scan_records``).
"""

# ruff: noqa: PLR0915, SIM102
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from canjapan._dates import PartialDate
from canjapan._model import (
    COUNTRY_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    Agreement,
    AgreementKind,
    Citation,
    Coordinates,
    Domain,
    Event,
    EventKind,
    EventMode,
    EventStatus,
    Figure,
    Label,
    Mechanism,
    MechanismKind,
    Milestone,
    MilestoneKind,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Post,
    Source,
    SourceKind,
    Tenure,
    Topic,
    TopicKind,
    _domains,
    _milestone_key,
    _tenure_key,
)

__all__ = [
    "COLONS",
    "COUNTRIES",
    "DATES",
    "HOOKS",
    "MEMO_LIMIT",
    "SLUGS",
    "Rejected",
    "colons_agreement",
    "colons_citation",
    "colons_coordinates",
    "colons_event",
    "colons_figure",
    "colons_label",
    "colons_mechanism",
    "colons_milestone",
    "colons_organization",
    "colons_person",
    "colons_place",
    "colons_post",
    "colons_source",
    "colons_tenure",
    "colons_topic",
    "structure_agreement",
    "structure_citation",
    "structure_coordinates",
    "structure_event",
    "structure_figure",
    "structure_label",
    "structure_mechanism",
    "structure_milestone",
    "structure_organization",
    "structure_person",
    "structure_place",
    "structure_post",
    "structure_source",
    "structure_tenure",
    "structure_topic",
]

_new = object.__new__


def _slot(cls: type, name: str) -> Callable[[object, object], None]:
    """The setter of a slot of a (frozen) record class: sets it past the frozen
    ``__setattr__``, faster than ``object.__setattr__``."""
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_slug = ID_PATTERN.fullmatch
_country = COUNTRY_PATTERN.fullmatch
_language = LANGUAGE_PATTERN.fullmatch


class Rejected(Exception):
    """The input is not what the fast path expects; structure it the careful way."""


# What a load has parsed and checked so far, by text: a dataset repeats many dates,
# ids and codes, and equal ones can share one immutable instance (less memory, and
# no second parse or check). The loader empties these after each load; each is also
# emptied whenever it reaches MEMO_LIMIT entries.
DATES: Final[dict[str, PartialDate]] = {}
SLUGS: Final[dict[str, str]] = {}
COUNTRIES: Final[dict[str, str]] = {}
MEMO_LIMIT: Final = 1 << 17


def _remember(memo: dict[str, Any], text: str, value: Any) -> Any:
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[text] = value
    return value


def _new_slug(value: object) -> str:
    if value.__class__ is not str or _slug(value) is None:
        raise Rejected
    return _remember(SLUGS, value, value)  # type: ignore[no-any-return]


def _own_id(value: object) -> str:
    # A record's own id: checked, not remembered, as no other record has it.
    if value.__class__ is not str or _slug(value) is None:
        raise Rejected
    return value


def _new_country(value: object) -> str:
    if value.__class__ is not str or _country(value) is None:
        raise Rejected
    return _remember(COUNTRIES, value, value)  # type: ignore[no-any-return]


def _new_date(value: object) -> PartialDate:
    if value.__class__ is not str:
        raise Rejected
    return _remember(DATES, value, PartialDate.parse(value))  # type: ignore[no-any-return]


def _number(value: object) -> float:
    if value.__class__ is not int and value.__class__ is not float:
        raise Rejected
    result = float(value)
    if result - result != 0.0:  # inf or nan
        raise Rejected
    return result


_AGREEMENTKIND: Final = {m.value: m for m in AgreementKind}
_DOMAIN: Final = {m.value: m for m in Domain}
_EVENTKIND: Final = {m.value: m for m in EventKind}
_EVENTMODE: Final = {m.value: m for m in EventMode}
_EVENTSTATUS: Final = {m.value: m for m in EventStatus}
_MECHANISMKIND: Final = {m.value: m for m in MechanismKind}
_MILESTONEKIND: Final = {m.value: m for m in MilestoneKind}
_ORGANIZATIONKIND: Final = {m.value: m for m in OrganizationKind}
_PLACEKIND: Final = {m.value: m for m in PlaceKind}
_SOURCEKIND: Final = {m.value: m for m in SourceKind}
_TOPICKIND: Final = {m.value: m for m in TopicKind}


_SOURCE_FIELDS: Final = attrs.fields(Source)
_set_source_id: Final = _slot(Source, "id")
_set_source_title: Final = _slot(Source, "title")
_set_source_publisher: Final = _slot(Source, "publisher")
_set_source_url: Final = _slot(Source, "url")
_set_source_published: Final = _slot(Source, "published")
_set_source_language: Final = _slot(Source, "language")
_set_source_kind: Final = _slot(Source, "kind")
_set_source_archived_as: Final = _slot(Source, "archived_as")
_set_source_note: Final = _slot(Source, "note")


def structure_source(d: Any, _: Any = None) -> Source:
    """Structure a ``Source`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 2
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_title = d["title"]
    if f_title.__class__ is not str:
        raise Rejected
    if not f_title or f_title.isspace():
        raise Rejected
    if "publisher" in d:
        n += 1
        f_publisher = d["publisher"]
        if f_publisher is not None:
            if f_publisher.__class__ is not str:
                raise Rejected
            if not f_publisher or f_publisher.isspace():
                raise Rejected
    else:
        f_publisher = None
    if "url" in d:
        n += 1
        f_url = d["url"]
        if f_url is not None:
            if f_url.__class__ is not str:
                raise Rejected
    else:
        f_url = None
    if "published" in d:
        n += 1
        f_published = d["published"]
        if f_published is not None:
            f_published = DATES.get(f_published) or _new_date(f_published)
    else:
        f_published = None
    if "language" in d:
        n += 1
        f_language = d["language"]
        if f_language.__class__ is not str:
            raise Rejected
        if _language(f_language) is None:
            raise Rejected
    else:
        f_language = "en"
    if "kind" in d:
        n += 1
        f_kind = d["kind"]
        if f_kind is not None:
            f_kind = _SOURCEKIND[f_kind]
    else:
        f_kind = None
    if "archived_as" in d:
        n += 1
        f_archived_as = d["archived_as"]
        if f_archived_as is not None:
            if f_archived_as.__class__ is not str:
                raise Rejected
            if not f_archived_as or f_archived_as.isspace():
                raise Rejected
    else:
        f_archived_as = None
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Source)
    _set_source_id(self, f_id)
    _set_source_title(self, f_title)
    _set_source_publisher(self, f_publisher)
    _set_source_url(self, f_url)
    _set_source_published(self, f_published)
    _set_source_language(self, f_language)
    _set_source_kind(self, f_kind)
    _set_source_archived_as(self, f_archived_as)
    _set_source_note(self, f_note)
    Source._check_url(self, _SOURCE_FIELDS.url, f_url)
    Source._check_archived_as(self, _SOURCE_FIELDS.archived_as, f_archived_as)
    return self


def colons_source(r: Source) -> int:
    """The colons in the strings of a ``Source``."""
    c = 0
    c += r.id.count(":")
    c += r.title.count(":")
    if r.publisher is not None:
        c += r.publisher.count(":")
    if r.url is not None:
        c += r.url.count(":")
    c += r.language.count(":")
    if r.archived_as is not None:
        c += r.archived_as.count(":")
    if r.note is not None:
        c += r.note.count(":")
    return c


_COORDINATES_FIELDS: Final = attrs.fields(Coordinates)
_set_coordinates_latitude: Final = _slot(Coordinates, "latitude")
_set_coordinates_longitude: Final = _slot(Coordinates, "longitude")


def structure_coordinates(d: Any, _: Any = None) -> Coordinates:
    """Structure a ``Coordinates`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 2
    f_latitude = d["latitude"]
    f_latitude = _number(f_latitude)
    f_longitude = d["longitude"]
    f_longitude = _number(f_longitude)
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Coordinates)
    _set_coordinates_latitude(self, f_latitude)
    _set_coordinates_longitude(self, f_longitude)
    Coordinates._check_latitude(self, _COORDINATES_FIELDS.latitude, f_latitude)
    Coordinates._check_longitude(self, _COORDINATES_FIELDS.longitude, f_longitude)
    return self


def colons_coordinates(r: Coordinates) -> int:
    """The colons in the strings of a ``Coordinates``."""
    return 0


_set_label_text: Final = _slot(Label, "text")
_set_label_language: Final = _slot(Label, "language")


def structure_label(d: Any, _: Any = None) -> Label:
    """Structure a ``Label`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 2
    f_text = d["text"]
    if f_text.__class__ is not str:
        raise Rejected
    if not f_text or f_text.isspace():
        raise Rejected
    f_language = d["language"]
    if f_language.__class__ is not str:
        raise Rejected
    if _language(f_language) is None:
        raise Rejected
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Label)
    _set_label_text(self, f_text)
    _set_label_language(self, f_language)
    return self


def colons_label(r: Label) -> int:
    """The colons in the strings of a ``Label``."""
    c = 0
    c += r.text.count(":")
    c += r.language.count(":")
    return c


_CITATION_FIELDS: Final = attrs.fields(Citation)
_set_citation_source: Final = _slot(Citation, "source")
_set_citation_quote: Final = _slot(Citation, "quote")
_set_citation_locator: Final = _slot(Citation, "locator")


def structure_citation(d: Any, _: Any = None) -> Citation:
    """Structure a ``Citation`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 2
    f_source = d["source"]
    f_source = SLUGS.get(f_source) or _new_slug(f_source)
    f_quote = d["quote"]
    if f_quote.__class__ is not str:
        raise Rejected
    if not f_quote or f_quote.isspace():
        raise Rejected
    if "locator" in d:
        n += 1
        f_locator = d["locator"]
        if f_locator is not None:
            if f_locator.__class__ is not str:
                raise Rejected
            if not f_locator or f_locator.isspace():
                raise Rejected
    else:
        f_locator = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Citation)
    _set_citation_source(self, f_source)
    _set_citation_quote(self, f_quote)
    _set_citation_locator(self, f_locator)
    Citation._check_quote(self, _CITATION_FIELDS.quote, f_quote)
    return self


def colons_citation(r: Citation) -> int:
    """The colons in the strings of a ``Citation``."""
    c = 0
    c += r.source.count(":")
    c += r.quote.count(":")
    if r.locator is not None:
        c += r.locator.count(":")
    return c


_set_place_id: Final = _slot(Place, "id")
_set_place_name: Final = _slot(Place, "name")
_set_place_kind: Final = _slot(Place, "kind")
_set_place_country: Final = _slot(Place, "country")
_set_place_coordinates: Final = _slot(Place, "coordinates")
_set_place_labels: Final = _slot(Place, "labels")
_set_place_citations: Final = _slot(Place, "citations")
_set_place_note: Final = _slot(Place, "note")


def structure_place(d: Any, _: Any = None) -> Place:
    """Structure a ``Place`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 4
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_name = d["name"]
    if f_name.__class__ is not str:
        raise Rejected
    if not f_name or f_name.isspace():
        raise Rejected
    f_kind = d["kind"]
    f_kind = _PLACEKIND[f_kind]
    if "country" in d:
        n += 1
        f_country = d["country"]
        if f_country is not None:
            f_country = COUNTRIES.get(f_country) or _new_country(f_country)
    else:
        f_country = None
    if "coordinates" in d:
        n += 1
        f_coordinates = d["coordinates"]
        if f_coordinates is not None:
            f_coordinates = structure_coordinates(f_coordinates)
    else:
        f_coordinates = None
    if "labels" in d:
        n += 1
        f_labels = d["labels"]
        if f_labels.__class__ is not list:
            raise Rejected
        if len(f_labels) == 1:
            f_labels = (structure_label(f_labels[0]),)
        elif len(f_labels) == 2:
            x, y = f_labels
            f_labels = (structure_label(x), structure_label(y))
        else:
            f_labels = tuple(map(structure_label, f_labels))
    else:
        f_labels = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Place)
    _set_place_id(self, f_id)
    _set_place_name(self, f_name)
    _set_place_kind(self, f_kind)
    _set_place_country(self, f_country)
    _set_place_coordinates(self, f_coordinates)
    _set_place_labels(self, f_labels)
    _set_place_citations(self, f_citations)
    _set_place_note(self, f_note)
    return self


def colons_place(r: Place) -> int:
    """The colons in the strings of a ``Place``."""
    c = 0
    c += r.id.count(":")
    c += r.name.count(":")
    if r.country is not None:
        c += r.country.count(":")
    if r.coordinates is not None:
        c += colons_coordinates(r.coordinates)
    c += sum([colons_label(x) for x in r.labels])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_organization_id: Final = _slot(Organization, "id")
_set_organization_name: Final = _slot(Organization, "name")
_set_organization_abbreviation: Final = _slot(Organization, "abbreviation")
_set_organization_kind: Final = _slot(Organization, "kind")
_set_organization_country: Final = _slot(Organization, "country")
_set_organization_parent: Final = _slot(Organization, "parent")
_set_organization_aliases: Final = _slot(Organization, "aliases")
_set_organization_labels: Final = _slot(Organization, "labels")
_set_organization_citations: Final = _slot(Organization, "citations")
_set_organization_note: Final = _slot(Organization, "note")


def structure_organization(d: Any, _: Any = None) -> Organization:
    """Structure a ``Organization`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 4
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_name = d["name"]
    if f_name.__class__ is not str:
        raise Rejected
    if not f_name or f_name.isspace():
        raise Rejected
    if "abbreviation" in d:
        n += 1
        f_abbreviation = d["abbreviation"]
        if f_abbreviation is not None:
            if f_abbreviation.__class__ is not str:
                raise Rejected
            if not f_abbreviation or f_abbreviation.isspace():
                raise Rejected
    else:
        f_abbreviation = None
    f_kind = d["kind"]
    f_kind = _ORGANIZATIONKIND[f_kind]
    if "country" in d:
        n += 1
        f_country = d["country"]
        if f_country is not None:
            f_country = COUNTRIES.get(f_country) or _new_country(f_country)
    else:
        f_country = None
    if "parent" in d:
        n += 1
        f_parent = d["parent"]
        if f_parent is not None:
            f_parent = SLUGS.get(f_parent) or _new_slug(f_parent)
    else:
        f_parent = None
    if "aliases" in d:
        n += 1
        f_aliases = d["aliases"]
        if f_aliases.__class__ is not list:
            raise Rejected
        for x in f_aliases:
            if x.__class__ is not str or not x or x.isspace():
                raise Rejected
        f_aliases = tuple(f_aliases)
    else:
        f_aliases = ()
    if "labels" in d:
        n += 1
        f_labels = d["labels"]
        if f_labels.__class__ is not list:
            raise Rejected
        if len(f_labels) == 1:
            f_labels = (structure_label(f_labels[0]),)
        elif len(f_labels) == 2:
            x, y = f_labels
            f_labels = (structure_label(x), structure_label(y))
        else:
            f_labels = tuple(map(structure_label, f_labels))
    else:
        f_labels = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Organization)
    _set_organization_id(self, f_id)
    _set_organization_name(self, f_name)
    _set_organization_abbreviation(self, f_abbreviation)
    _set_organization_kind(self, f_kind)
    _set_organization_country(self, f_country)
    _set_organization_parent(self, f_parent)
    _set_organization_aliases(self, f_aliases)
    _set_organization_labels(self, f_labels)
    _set_organization_citations(self, f_citations)
    _set_organization_note(self, f_note)
    return self


def colons_organization(r: Organization) -> int:
    """The colons in the strings of a ``Organization``."""
    c = 0
    c += r.id.count(":")
    c += r.name.count(":")
    if r.abbreviation is not None:
        c += r.abbreviation.count(":")
    if r.country is not None:
        c += r.country.count(":")
    if r.parent is not None:
        c += r.parent.count(":")
    c += sum([x.count(":") for x in r.aliases])
    c += sum([colons_label(x) for x in r.labels])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_post_id: Final = _slot(Post, "id")
_set_post_title: Final = _slot(Post, "title")
_set_post_organization: Final = _slot(Post, "organization")
_set_post_country: Final = _slot(Post, "country")
_set_post_single_holder: Final = _slot(Post, "single_holder")
_set_post_complete_from: Final = _slot(Post, "complete_from")
_set_post_complete_to: Final = _slot(Post, "complete_to")
_set_post_labels: Final = _slot(Post, "labels")
_set_post_citations: Final = _slot(Post, "citations")
_set_post_note: Final = _slot(Post, "note")


def structure_post(d: Any, _: Any = None) -> Post:
    """Structure a ``Post`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 4
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_title = d["title"]
    if f_title.__class__ is not str:
        raise Rejected
    if not f_title or f_title.isspace():
        raise Rejected
    if "organization" in d:
        n += 1
        f_organization = d["organization"]
        if f_organization is not None:
            f_organization = SLUGS.get(f_organization) or _new_slug(f_organization)
    else:
        f_organization = None
    f_country = d["country"]
    f_country = COUNTRIES.get(f_country) or _new_country(f_country)
    if "single_holder" in d:
        n += 1
        f_single_holder = d["single_holder"]
        if f_single_holder.__class__ is not bool:
            raise Rejected
    else:
        f_single_holder = True
    if "complete_from" in d:
        n += 1
        f_complete_from = d["complete_from"]
        if f_complete_from is not None:
            f_complete_from = DATES.get(f_complete_from) or _new_date(f_complete_from)
    else:
        f_complete_from = None
    if "complete_to" in d:
        n += 1
        f_complete_to = d["complete_to"]
        if f_complete_to is not None:
            f_complete_to = DATES.get(f_complete_to) or _new_date(f_complete_to)
    else:
        f_complete_to = None
    if "labels" in d:
        n += 1
        f_labels = d["labels"]
        if f_labels.__class__ is not list:
            raise Rejected
        if len(f_labels) == 1:
            f_labels = (structure_label(f_labels[0]),)
        elif len(f_labels) == 2:
            x, y = f_labels
            f_labels = (structure_label(x), structure_label(y))
        else:
            f_labels = tuple(map(structure_label, f_labels))
    else:
        f_labels = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Post)
    _set_post_id(self, f_id)
    _set_post_title(self, f_title)
    _set_post_organization(self, f_organization)
    _set_post_country(self, f_country)
    _set_post_single_holder(self, f_single_holder)
    _set_post_complete_from(self, f_complete_from)
    _set_post_complete_to(self, f_complete_to)
    _set_post_labels(self, f_labels)
    _set_post_citations(self, f_citations)
    _set_post_note(self, f_note)
    self.__attrs_post_init__()
    return self


def colons_post(r: Post) -> int:
    """The colons in the strings of a ``Post``."""
    c = 0
    c += r.id.count(":")
    c += r.title.count(":")
    if r.organization is not None:
        c += r.organization.count(":")
    c += r.country.count(":")
    c += sum([colons_label(x) for x in r.labels])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_tenure_post: Final = _slot(Tenure, "post")
_set_tenure_start: Final = _slot(Tenure, "start")
_set_tenure_end: Final = _slot(Tenure, "end")
_set_tenure_ongoing: Final = _slot(Tenure, "ongoing")
_set_tenure_attested: Final = _slot(Tenure, "attested")
_set_tenure_citations: Final = _slot(Tenure, "citations")
_set_tenure_note: Final = _slot(Tenure, "note")


def structure_tenure(d: Any, _: Any = None) -> Tenure:
    """Structure a ``Tenure`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 2
    f_post = d["post"]
    f_post = SLUGS.get(f_post) or _new_slug(f_post)
    if "start" in d:
        n += 1
        f_start = d["start"]
        if f_start is not None:
            f_start = DATES.get(f_start) or _new_date(f_start)
    else:
        f_start = None
    if "end" in d:
        n += 1
        f_end = d["end"]
        if f_end is not None:
            f_end = DATES.get(f_end) or _new_date(f_end)
    else:
        f_end = None
    if "ongoing" in d:
        n += 1
        f_ongoing = d["ongoing"]
        if f_ongoing.__class__ is not bool:
            raise Rejected
    else:
        f_ongoing = False
    if "attested" in d:
        n += 1
        f_attested = d["attested"]
        if f_attested.__class__ is not list:
            raise Rejected
        f_attested = tuple([DATES.get(x) or _new_date(x) for x in f_attested])
    else:
        f_attested = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Tenure)
    _set_tenure_post(self, f_post)
    _set_tenure_start(self, f_start)
    _set_tenure_end(self, f_end)
    _set_tenure_ongoing(self, f_ongoing)
    _set_tenure_attested(self, f_attested)
    _set_tenure_citations(self, f_citations)
    _set_tenure_note(self, f_note)
    self.__attrs_post_init__()
    return self


def colons_tenure(r: Tenure) -> int:
    """The colons in the strings of a ``Tenure``."""
    c = 0
    c += r.post.count(":")
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_person_id: Final = _slot(Person, "id")
_set_person_name: Final = _slot(Person, "name")
_set_person_aliases: Final = _slot(Person, "aliases")
_set_person_labels: Final = _slot(Person, "labels")
_set_person_tenures: Final = _slot(Person, "tenures")
_set_person_citations: Final = _slot(Person, "citations")
_set_person_note: Final = _slot(Person, "note")


def structure_person(d: Any, _: Any = None) -> Person:
    """Structure a ``Person`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 3
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_name = d["name"]
    if f_name.__class__ is not str:
        raise Rejected
    if not f_name or f_name.isspace():
        raise Rejected
    if "aliases" in d:
        n += 1
        f_aliases = d["aliases"]
        if f_aliases.__class__ is not list:
            raise Rejected
        for x in f_aliases:
            if x.__class__ is not str or not x or x.isspace():
                raise Rejected
        f_aliases = tuple(f_aliases)
    else:
        f_aliases = ()
    if "labels" in d:
        n += 1
        f_labels = d["labels"]
        if f_labels.__class__ is not list:
            raise Rejected
        if len(f_labels) == 1:
            f_labels = (structure_label(f_labels[0]),)
        elif len(f_labels) == 2:
            x, y = f_labels
            f_labels = (structure_label(x), structure_label(y))
        else:
            f_labels = tuple(map(structure_label, f_labels))
    else:
        f_labels = ()
    if "tenures" in d:
        n += 1
        f_tenures = d["tenures"]
        if f_tenures.__class__ is not list:
            raise Rejected
        if len(f_tenures) == 1:
            f_tenures = (structure_tenure(f_tenures[0]),)
        elif len(f_tenures) == 2:
            x, y = f_tenures
            f_tenures = (structure_tenure(x), structure_tenure(y))
        else:
            f_tenures = tuple(map(structure_tenure, f_tenures))
        if len(f_tenures) == 2:
            x, y = f_tenures
            if _tenure_key(y) < _tenure_key(x):
                f_tenures = (y, x)
        elif len(f_tenures) > 2:
            f_tenures = tuple(sorted(f_tenures, key=_tenure_key))
    else:
        f_tenures = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Person)
    _set_person_id(self, f_id)
    _set_person_name(self, f_name)
    _set_person_aliases(self, f_aliases)
    _set_person_labels(self, f_labels)
    _set_person_tenures(self, f_tenures)
    _set_person_citations(self, f_citations)
    _set_person_note(self, f_note)
    return self


def colons_person(r: Person) -> int:
    """The colons in the strings of a ``Person``."""
    c = 0
    c += r.id.count(":")
    c += r.name.count(":")
    c += sum([x.count(":") for x in r.aliases])
    c += sum([colons_label(x) for x in r.labels])
    c += sum([colons_tenure(x) for x in r.tenures])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_milestone_kind: Final = _slot(Milestone, "kind")
_set_milestone_date: Final = _slot(Milestone, "date")
_set_milestone_party: Final = _slot(Milestone, "party")
_set_milestone_place: Final = _slot(Milestone, "place")
_set_milestone_people: Final = _slot(Milestone, "people")
_set_milestone_citations: Final = _slot(Milestone, "citations")
_set_milestone_note: Final = _slot(Milestone, "note")


def structure_milestone(d: Any, _: Any = None) -> Milestone:
    """Structure a ``Milestone`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 3
    f_kind = d["kind"]
    f_kind = _MILESTONEKIND[f_kind]
    f_date = d["date"]
    f_date = DATES.get(f_date) or _new_date(f_date)
    if "party" in d:
        n += 1
        f_party = d["party"]
        if f_party is not None:
            f_party = COUNTRIES.get(f_party) or _new_country(f_party)
    else:
        f_party = None
    if "place" in d:
        n += 1
        f_place = d["place"]
        if f_place is not None:
            f_place = SLUGS.get(f_place) or _new_slug(f_place)
    else:
        f_place = None
    if "people" in d:
        n += 1
        f_people = d["people"]
        if f_people.__class__ is not list:
            raise Rejected
        if len(f_people) == 1:
            f_people = (SLUGS.get(f_people[0]) or _new_slug(f_people[0]),)
        elif len(f_people) == 2:
            x, y = f_people
            x = SLUGS.get(x) or _new_slug(x)
            y = SLUGS.get(y) or _new_slug(y)
            f_people = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_people = tuple([SLUGS.get(x) or _new_slug(x) for x in f_people])
            if len(f_people) > 1:
                f_people = tuple(sorted(set(f_people)))
    else:
        f_people = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Milestone)
    _set_milestone_kind(self, f_kind)
    _set_milestone_date(self, f_date)
    _set_milestone_party(self, f_party)
    _set_milestone_place(self, f_place)
    _set_milestone_people(self, f_people)
    _set_milestone_citations(self, f_citations)
    _set_milestone_note(self, f_note)
    return self


def colons_milestone(r: Milestone) -> int:
    """The colons in the strings of a ``Milestone``."""
    c = 0
    if r.party is not None:
        c += r.party.count(":")
    if r.place is not None:
        c += r.place.count(":")
    c += sum([x.count(":") for x in r.people])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_agreement_id: Final = _slot(Agreement, "id")
_set_agreement_title: Final = _slot(Agreement, "title")
_set_agreement_short_names: Final = _slot(Agreement, "short_names")
_set_agreement_abbreviations: Final = _slot(Agreement, "abbreviations")
_set_agreement_kind: Final = _slot(Agreement, "kind")
_set_agreement_parties: Final = _slot(Agreement, "parties")
_set_agreement_signatories: Final = _slot(Agreement, "signatories")
_set_agreement_milestones: Final = _slot(Agreement, "milestones")
_set_agreement_labels: Final = _slot(Agreement, "labels")
_set_agreement_citations: Final = _slot(Agreement, "citations")
_set_agreement_note: Final = _slot(Agreement, "note")


def structure_agreement(d: Any, _: Any = None) -> Agreement:
    """Structure a ``Agreement`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 5
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_title = d["title"]
    if f_title.__class__ is not str:
        raise Rejected
    if not f_title or f_title.isspace():
        raise Rejected
    if "short_names" in d:
        n += 1
        f_short_names = d["short_names"]
        if f_short_names.__class__ is not list:
            raise Rejected
        for x in f_short_names:
            if x.__class__ is not str or not x or x.isspace():
                raise Rejected
        f_short_names = tuple(f_short_names)
    else:
        f_short_names = ()
    if "abbreviations" in d:
        n += 1
        f_abbreviations = d["abbreviations"]
        if f_abbreviations.__class__ is not list:
            raise Rejected
        for x in f_abbreviations:
            if x.__class__ is not str or not x or x.isspace():
                raise Rejected
        f_abbreviations = tuple(f_abbreviations)
    else:
        f_abbreviations = ()
    f_kind = d["kind"]
    f_kind = _AGREEMENTKIND[f_kind]
    f_parties = d["parties"]
    if f_parties.__class__ is not list:
        raise Rejected
    if len(f_parties) == 1:
        f_parties = (COUNTRIES.get(f_parties[0]) or _new_country(f_parties[0]),)
    elif len(f_parties) == 2:
        x, y = f_parties
        x = COUNTRIES.get(x) or _new_country(x)
        y = COUNTRIES.get(y) or _new_country(y)
        f_parties = (x, y) if x < y else (y, x) if y < x else (x,)
    else:
        f_parties = tuple([COUNTRIES.get(x) or _new_country(x) for x in f_parties])
        if len(f_parties) > 1:
            f_parties = tuple(sorted(set(f_parties)))
    if "signatories" in d:
        n += 1
        f_signatories = d["signatories"]
        if f_signatories.__class__ is not list:
            raise Rejected
        if len(f_signatories) == 1:
            f_signatories = (SLUGS.get(f_signatories[0]) or _new_slug(f_signatories[0]),)
        elif len(f_signatories) == 2:
            x, y = f_signatories
            x = SLUGS.get(x) or _new_slug(x)
            y = SLUGS.get(y) or _new_slug(y)
            f_signatories = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_signatories = tuple([SLUGS.get(x) or _new_slug(x) for x in f_signatories])
            if len(f_signatories) > 1:
                f_signatories = tuple(sorted(set(f_signatories)))
    else:
        f_signatories = ()
    if "milestones" in d:
        n += 1
        f_milestones = d["milestones"]
        if f_milestones.__class__ is not list:
            raise Rejected
        if len(f_milestones) == 1:
            f_milestones = (structure_milestone(f_milestones[0]),)
        elif len(f_milestones) == 2:
            x, y = f_milestones
            f_milestones = (structure_milestone(x), structure_milestone(y))
        else:
            f_milestones = tuple(map(structure_milestone, f_milestones))
        if len(f_milestones) == 2:
            x, y = f_milestones
            if _milestone_key(y) < _milestone_key(x):
                f_milestones = (y, x)
        elif len(f_milestones) > 2:
            f_milestones = tuple(sorted(f_milestones, key=_milestone_key))
    else:
        f_milestones = ()
    if "labels" in d:
        n += 1
        f_labels = d["labels"]
        if f_labels.__class__ is not list:
            raise Rejected
        if len(f_labels) == 1:
            f_labels = (structure_label(f_labels[0]),)
        elif len(f_labels) == 2:
            x, y = f_labels
            f_labels = (structure_label(x), structure_label(y))
        else:
            f_labels = tuple(map(structure_label, f_labels))
    else:
        f_labels = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Agreement)
    _set_agreement_id(self, f_id)
    _set_agreement_title(self, f_title)
    _set_agreement_short_names(self, f_short_names)
    _set_agreement_abbreviations(self, f_abbreviations)
    _set_agreement_kind(self, f_kind)
    _set_agreement_parties(self, f_parties)
    _set_agreement_signatories(self, f_signatories)
    _set_agreement_milestones(self, f_milestones)
    _set_agreement_labels(self, f_labels)
    _set_agreement_citations(self, f_citations)
    _set_agreement_note(self, f_note)
    return self


def colons_agreement(r: Agreement) -> int:
    """The colons in the strings of a ``Agreement``."""
    c = 0
    c += r.id.count(":")
    c += r.title.count(":")
    c += sum([x.count(":") for x in r.short_names])
    c += sum([x.count(":") for x in r.abbreviations])
    c += sum([x.count(":") for x in r.parties])
    c += sum([x.count(":") for x in r.signatories])
    c += sum([colons_milestone(x) for x in r.milestones])
    c += sum([colons_label(x) for x in r.labels])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_mechanism_id: Final = _slot(Mechanism, "id")
_set_mechanism_name: Final = _slot(Mechanism, "name")
_set_mechanism_kind: Final = _slot(Mechanism, "kind")
_set_mechanism_level: Final = _slot(Mechanism, "level")
_set_mechanism_countries: Final = _slot(Mechanism, "countries")
_set_mechanism_established_by: Final = _slot(Mechanism, "established_by")
_set_mechanism_start: Final = _slot(Mechanism, "start")
_set_mechanism_end: Final = _slot(Mechanism, "end")
_set_mechanism_abbreviations: Final = _slot(Mechanism, "abbreviations")
_set_mechanism_aliases: Final = _slot(Mechanism, "aliases")
_set_mechanism_labels: Final = _slot(Mechanism, "labels")
_set_mechanism_citations: Final = _slot(Mechanism, "citations")
_set_mechanism_note: Final = _slot(Mechanism, "note")


def structure_mechanism(d: Any, _: Any = None) -> Mechanism:
    """Structure a ``Mechanism`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 4
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_name = d["name"]
    if f_name.__class__ is not str:
        raise Rejected
    if not f_name or f_name.isspace():
        raise Rejected
    f_kind = d["kind"]
    f_kind = _MECHANISMKIND[f_kind]
    if "level" in d:
        n += 1
        f_level = d["level"]
        if f_level is not None:
            if f_level.__class__ is not str:
                raise Rejected
            if not f_level or f_level.isspace():
                raise Rejected
    else:
        f_level = None
    if "countries" in d:
        n += 1
        f_countries = d["countries"]
        if f_countries.__class__ is not list:
            raise Rejected
        if len(f_countries) == 1:
            f_countries = (COUNTRIES.get(f_countries[0]) or _new_country(f_countries[0]),)
        elif len(f_countries) == 2:
            x, y = f_countries
            x = COUNTRIES.get(x) or _new_country(x)
            y = COUNTRIES.get(y) or _new_country(y)
            f_countries = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_countries = tuple([COUNTRIES.get(x) or _new_country(x) for x in f_countries])
            if len(f_countries) > 1:
                f_countries = tuple(sorted(set(f_countries)))
    else:
        f_countries = ()
    if "established_by" in d:
        n += 1
        f_established_by = d["established_by"]
        if f_established_by is not None:
            f_established_by = SLUGS.get(f_established_by) or _new_slug(f_established_by)
    else:
        f_established_by = None
    if "start" in d:
        n += 1
        f_start = d["start"]
        if f_start is not None:
            f_start = DATES.get(f_start) or _new_date(f_start)
    else:
        f_start = None
    if "end" in d:
        n += 1
        f_end = d["end"]
        if f_end is not None:
            f_end = DATES.get(f_end) or _new_date(f_end)
    else:
        f_end = None
    if "abbreviations" in d:
        n += 1
        f_abbreviations = d["abbreviations"]
        if f_abbreviations.__class__ is not list:
            raise Rejected
        for x in f_abbreviations:
            if x.__class__ is not str or not x or x.isspace():
                raise Rejected
        f_abbreviations = tuple(f_abbreviations)
    else:
        f_abbreviations = ()
    if "aliases" in d:
        n += 1
        f_aliases = d["aliases"]
        if f_aliases.__class__ is not list:
            raise Rejected
        for x in f_aliases:
            if x.__class__ is not str or not x or x.isspace():
                raise Rejected
        f_aliases = tuple(f_aliases)
    else:
        f_aliases = ()
    if "labels" in d:
        n += 1
        f_labels = d["labels"]
        if f_labels.__class__ is not list:
            raise Rejected
        if len(f_labels) == 1:
            f_labels = (structure_label(f_labels[0]),)
        elif len(f_labels) == 2:
            x, y = f_labels
            f_labels = (structure_label(x), structure_label(y))
        else:
            f_labels = tuple(map(structure_label, f_labels))
    else:
        f_labels = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Mechanism)
    _set_mechanism_id(self, f_id)
    _set_mechanism_name(self, f_name)
    _set_mechanism_kind(self, f_kind)
    _set_mechanism_level(self, f_level)
    _set_mechanism_countries(self, f_countries)
    _set_mechanism_established_by(self, f_established_by)
    _set_mechanism_start(self, f_start)
    _set_mechanism_end(self, f_end)
    _set_mechanism_abbreviations(self, f_abbreviations)
    _set_mechanism_aliases(self, f_aliases)
    _set_mechanism_labels(self, f_labels)
    _set_mechanism_citations(self, f_citations)
    _set_mechanism_note(self, f_note)
    return self


def colons_mechanism(r: Mechanism) -> int:
    """The colons in the strings of a ``Mechanism``."""
    c = 0
    c += r.id.count(":")
    c += r.name.count(":")
    if r.level is not None:
        c += r.level.count(":")
    c += sum([x.count(":") for x in r.countries])
    if r.established_by is not None:
        c += r.established_by.count(":")
    c += sum([x.count(":") for x in r.abbreviations])
    c += sum([x.count(":") for x in r.aliases])
    c += sum([colons_label(x) for x in r.labels])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_EVENT_FIELDS: Final = attrs.fields(Event)
_set_event_id: Final = _slot(Event, "id")
_set_event_title: Final = _slot(Event, "title")
_set_event_kind: Final = _slot(Event, "kind")
_set_event_start: Final = _slot(Event, "start")
_set_event_end: Final = _slot(Event, "end")
_set_event_status: Final = _slot(Event, "status")
_set_event_mode: Final = _slot(Event, "mode")
_set_event_place: Final = _slot(Event, "place")
_set_event_participants: Final = _slot(Event, "participants")
_set_event_countries: Final = _slot(Event, "countries")
_set_event_mechanism: Final = _slot(Event, "mechanism")
_set_event_sequence: Final = _slot(Event, "sequence")
_set_event_part_of: Final = _slot(Event, "part_of")
_set_event_domains: Final = _slot(Event, "domains")
_set_event_related: Final = _slot(Event, "related")
_set_event_aliases: Final = _slot(Event, "aliases")
_set_event_labels: Final = _slot(Event, "labels")
_set_event_citations: Final = _slot(Event, "citations")
_set_event_note: Final = _slot(Event, "note")


def structure_event(d: Any, _: Any = None) -> Event:
    """Structure a ``Event`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 5
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_title = d["title"]
    if f_title.__class__ is not str:
        raise Rejected
    if not f_title or f_title.isspace():
        raise Rejected
    f_kind = d["kind"]
    f_kind = _EVENTKIND[f_kind]
    f_start = d["start"]
    f_start = DATES.get(f_start) or _new_date(f_start)
    if "end" in d:
        n += 1
        f_end = d["end"]
        if f_end is not None:
            f_end = DATES.get(f_end) or _new_date(f_end)
    else:
        f_end = None
    if "status" in d:
        n += 1
        f_status = d["status"]
        f_status = _EVENTSTATUS[f_status]
    else:
        f_status = EventStatus.HELD
    if "mode" in d:
        n += 1
        f_mode = d["mode"]
        if f_mode is not None:
            f_mode = _EVENTMODE[f_mode]
    else:
        f_mode = None
    if "place" in d:
        n += 1
        f_place = d["place"]
        if f_place is not None:
            f_place = SLUGS.get(f_place) or _new_slug(f_place)
    else:
        f_place = None
    if "participants" in d:
        n += 1
        f_participants = d["participants"]
        if f_participants.__class__ is not list:
            raise Rejected
        if len(f_participants) == 1:
            f_participants = (SLUGS.get(f_participants[0]) or _new_slug(f_participants[0]),)
        elif len(f_participants) == 2:
            x, y = f_participants
            x = SLUGS.get(x) or _new_slug(x)
            y = SLUGS.get(y) or _new_slug(y)
            f_participants = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_participants = tuple([SLUGS.get(x) or _new_slug(x) for x in f_participants])
            if len(f_participants) > 1:
                f_participants = tuple(sorted(set(f_participants)))
    else:
        f_participants = ()
    if "countries" in d:
        n += 1
        f_countries = d["countries"]
        if f_countries.__class__ is not list:
            raise Rejected
        if len(f_countries) == 1:
            f_countries = (COUNTRIES.get(f_countries[0]) or _new_country(f_countries[0]),)
        elif len(f_countries) == 2:
            x, y = f_countries
            x = COUNTRIES.get(x) or _new_country(x)
            y = COUNTRIES.get(y) or _new_country(y)
            f_countries = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_countries = tuple([COUNTRIES.get(x) or _new_country(x) for x in f_countries])
            if len(f_countries) > 1:
                f_countries = tuple(sorted(set(f_countries)))
    else:
        f_countries = ()
    if "mechanism" in d:
        n += 1
        f_mechanism = d["mechanism"]
        if f_mechanism is not None:
            f_mechanism = SLUGS.get(f_mechanism) or _new_slug(f_mechanism)
    else:
        f_mechanism = None
    if "sequence" in d:
        n += 1
        f_sequence = d["sequence"]
        if f_sequence is not None:
            if f_sequence.__class__ is not int:
                raise Rejected
    else:
        f_sequence = None
    if "part_of" in d:
        n += 1
        f_part_of = d["part_of"]
        if f_part_of is not None:
            f_part_of = SLUGS.get(f_part_of) or _new_slug(f_part_of)
    else:
        f_part_of = None
    if "domains" in d:
        n += 1
        f_domains = d["domains"]
        if f_domains.__class__ is not list:
            raise Rejected
        f_domains = tuple([_DOMAIN[x] for x in f_domains])
        f_domains = _domains(f_domains)
    else:
        f_domains = ()
    if "related" in d:
        n += 1
        f_related = d["related"]
        if f_related.__class__ is not list:
            raise Rejected
        if len(f_related) == 1:
            f_related = (SLUGS.get(f_related[0]) or _new_slug(f_related[0]),)
        elif len(f_related) == 2:
            x, y = f_related
            x = SLUGS.get(x) or _new_slug(x)
            y = SLUGS.get(y) or _new_slug(y)
            f_related = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_related = tuple([SLUGS.get(x) or _new_slug(x) for x in f_related])
            if len(f_related) > 1:
                f_related = tuple(sorted(set(f_related)))
    else:
        f_related = ()
    if "aliases" in d:
        n += 1
        f_aliases = d["aliases"]
        if f_aliases.__class__ is not list:
            raise Rejected
        for x in f_aliases:
            if x.__class__ is not str or not x or x.isspace():
                raise Rejected
        f_aliases = tuple(f_aliases)
    else:
        f_aliases = ()
    if "labels" in d:
        n += 1
        f_labels = d["labels"]
        if f_labels.__class__ is not list:
            raise Rejected
        if len(f_labels) == 1:
            f_labels = (structure_label(f_labels[0]),)
        elif len(f_labels) == 2:
            x, y = f_labels
            f_labels = (structure_label(x), structure_label(y))
        else:
            f_labels = tuple(map(structure_label, f_labels))
    else:
        f_labels = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Event)
    _set_event_id(self, f_id)
    _set_event_title(self, f_title)
    _set_event_kind(self, f_kind)
    _set_event_start(self, f_start)
    _set_event_end(self, f_end)
    _set_event_status(self, f_status)
    _set_event_mode(self, f_mode)
    _set_event_place(self, f_place)
    _set_event_participants(self, f_participants)
    _set_event_countries(self, f_countries)
    _set_event_mechanism(self, f_mechanism)
    _set_event_sequence(self, f_sequence)
    _set_event_part_of(self, f_part_of)
    _set_event_domains(self, f_domains)
    _set_event_related(self, f_related)
    _set_event_aliases(self, f_aliases)
    _set_event_labels(self, f_labels)
    _set_event_citations(self, f_citations)
    _set_event_note(self, f_note)
    Event._check_sequence(self, _EVENT_FIELDS.sequence, f_sequence)
    self.__attrs_post_init__()
    return self


def colons_event(r: Event) -> int:
    """The colons in the strings of a ``Event``."""
    c = 0
    c += r.id.count(":")
    c += r.title.count(":")
    if r.place is not None:
        c += r.place.count(":")
    c += sum([x.count(":") for x in r.participants])
    c += sum([x.count(":") for x in r.countries])
    if r.mechanism is not None:
        c += r.mechanism.count(":")
    if r.part_of is not None:
        c += r.part_of.count(":")
    c += sum([x.count(":") for x in r.related])
    c += sum([x.count(":") for x in r.aliases])
    c += sum([colons_label(x) for x in r.labels])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_FIGURE_FIELDS: Final = attrs.fields(Figure)
_set_figure_id: Final = _slot(Figure, "id")
_set_figure_description: Final = _slot(Figure, "description")
_set_figure_value: Final = _slot(Figure, "value")
_set_figure_unit: Final = _slot(Figure, "unit")
_set_figure_period: Final = _slot(Figure, "period")
_set_figure_date: Final = _slot(Figure, "date")
_set_figure_approximate: Final = _slot(Figure, "approximate")
_set_figure_related: Final = _slot(Figure, "related")
_set_figure_citations: Final = _slot(Figure, "citations")
_set_figure_note: Final = _slot(Figure, "note")


def structure_figure(d: Any, _: Any = None) -> Figure:
    """Structure a ``Figure`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 5
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_description = d["description"]
    if f_description.__class__ is not str:
        raise Rejected
    if not f_description or f_description.isspace():
        raise Rejected
    f_value = d["value"]
    _number(f_value)
    f_unit = d["unit"]
    if f_unit.__class__ is not str:
        raise Rejected
    if not f_unit or f_unit.isspace():
        raise Rejected
    if "period" in d:
        n += 1
        f_period = d["period"]
        if f_period is not None:
            if f_period.__class__ is not str:
                raise Rejected
    else:
        f_period = None
    if "date" in d:
        n += 1
        f_date = d["date"]
        if f_date is not None:
            f_date = DATES.get(f_date) or _new_date(f_date)
    else:
        f_date = None
    if "approximate" in d:
        n += 1
        f_approximate = d["approximate"]
        if f_approximate.__class__ is not bool:
            raise Rejected
    else:
        f_approximate = False
    if "related" in d:
        n += 1
        f_related = d["related"]
        if f_related.__class__ is not list:
            raise Rejected
        if len(f_related) == 1:
            f_related = (SLUGS.get(f_related[0]) or _new_slug(f_related[0]),)
        elif len(f_related) == 2:
            x, y = f_related
            x = SLUGS.get(x) or _new_slug(x)
            y = SLUGS.get(y) or _new_slug(y)
            f_related = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_related = tuple([SLUGS.get(x) or _new_slug(x) for x in f_related])
            if len(f_related) > 1:
                f_related = tuple(sorted(set(f_related)))
    else:
        f_related = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Figure)
    _set_figure_id(self, f_id)
    _set_figure_description(self, f_description)
    _set_figure_value(self, f_value)
    _set_figure_unit(self, f_unit)
    _set_figure_period(self, f_period)
    _set_figure_date(self, f_date)
    _set_figure_approximate(self, f_approximate)
    _set_figure_related(self, f_related)
    _set_figure_citations(self, f_citations)
    _set_figure_note(self, f_note)
    Figure._check_value(self, _FIGURE_FIELDS.value, f_value)
    Figure._check_period(self, _FIGURE_FIELDS.period, f_period)
    return self


def colons_figure(r: Figure) -> int:
    """The colons in the strings of a ``Figure``."""
    c = 0
    c += r.id.count(":")
    c += r.description.count(":")
    c += r.unit.count(":")
    if r.period is not None:
        c += r.period.count(":")
    c += sum([x.count(":") for x in r.related])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


_set_topic_id: Final = _slot(Topic, "id")
_set_topic_name: Final = _slot(Topic, "name")
_set_topic_kind: Final = _slot(Topic, "kind")
_set_topic_countries: Final = _slot(Topic, "countries")
_set_topic_related: Final = _slot(Topic, "related")
_set_topic_citations: Final = _slot(Topic, "citations")
_set_topic_note: Final = _slot(Topic, "note")


def structure_topic(d: Any, _: Any = None) -> Topic:
    """Structure a ``Topic`` from a JSON object."""
    if d.__class__ is not dict:
        raise Rejected
    n = 4
    f_id = d["id"]
    f_id = _own_id(f_id)
    f_name = d["name"]
    if f_name.__class__ is not str:
        raise Rejected
    if not f_name or f_name.isspace():
        raise Rejected
    f_kind = d["kind"]
    f_kind = _TOPICKIND[f_kind]
    if "countries" in d:
        n += 1
        f_countries = d["countries"]
        if f_countries.__class__ is not list:
            raise Rejected
        if len(f_countries) == 1:
            f_countries = (COUNTRIES.get(f_countries[0]) or _new_country(f_countries[0]),)
        elif len(f_countries) == 2:
            x, y = f_countries
            x = COUNTRIES.get(x) or _new_country(x)
            y = COUNTRIES.get(y) or _new_country(y)
            f_countries = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_countries = tuple([COUNTRIES.get(x) or _new_country(x) for x in f_countries])
            if len(f_countries) > 1:
                f_countries = tuple(sorted(set(f_countries)))
    else:
        f_countries = ()
    if "related" in d:
        n += 1
        f_related = d["related"]
        if f_related.__class__ is not list:
            raise Rejected
        if len(f_related) == 1:
            f_related = (SLUGS.get(f_related[0]) or _new_slug(f_related[0]),)
        elif len(f_related) == 2:
            x, y = f_related
            x = SLUGS.get(x) or _new_slug(x)
            y = SLUGS.get(y) or _new_slug(y)
            f_related = (x, y) if x < y else (y, x) if y < x else (x,)
        else:
            f_related = tuple([SLUGS.get(x) or _new_slug(x) for x in f_related])
            if len(f_related) > 1:
                f_related = tuple(sorted(set(f_related)))
    else:
        f_related = ()
    f_citations = d["citations"]
    if f_citations.__class__ is not list:
        raise Rejected
    if len(f_citations) == 1:
        f_citations = (structure_citation(f_citations[0]),)
    elif len(f_citations) == 2:
        x, y = f_citations
        f_citations = (structure_citation(x), structure_citation(y))
    else:
        f_citations = tuple(map(structure_citation, f_citations))
    if not f_citations:
        raise Rejected
    if "note" in d:
        n += 1
        f_note = d["note"]
        if f_note is not None:
            if f_note.__class__ is not str:
                raise Rejected
            if not f_note or f_note.isspace():
                raise Rejected
    else:
        f_note = None
    if len(d) != n:  # an unknown key
        raise Rejected
    self = _new(Topic)
    _set_topic_id(self, f_id)
    _set_topic_name(self, f_name)
    _set_topic_kind(self, f_kind)
    _set_topic_countries(self, f_countries)
    _set_topic_related(self, f_related)
    _set_topic_citations(self, f_citations)
    _set_topic_note(self, f_note)
    return self


def colons_topic(r: Topic) -> int:
    """The colons in the strings of a ``Topic``."""
    c = 0
    c += r.id.count(":")
    c += r.name.count(":")
    c += sum([x.count(":") for x in r.countries])
    c += sum([x.count(":") for x in r.related])
    c += sum([colons_citation(x) for x in r.citations])
    if r.note is not None:
        c += r.note.count(":")
    return c


HOOKS: Final[dict[type, Callable[[Any], Any]]] = {
    Source: structure_source,
    Coordinates: structure_coordinates,
    Label: structure_label,
    Citation: structure_citation,
    Place: structure_place,
    Organization: structure_organization,
    Post: structure_post,
    Tenure: structure_tenure,
    Person: structure_person,
    Milestone: structure_milestone,
    Agreement: structure_agreement,
    Mechanism: structure_mechanism,
    Event: structure_event,
    Figure: structure_figure,
    Topic: structure_topic,
}
"""The hook of each record class, nested classes first."""

COLONS: Final[dict[type, Callable[[Any], int]]] = {
    Source: colons_source,
    Coordinates: colons_coordinates,
    Label: colons_label,
    Citation: colons_citation,
    Place: colons_place,
    Organization: colons_organization,
    Post: colons_post,
    Tenure: colons_tenure,
    Person: colons_person,
    Milestone: colons_milestone,
    Agreement: colons_agreement,
    Mechanism: colons_mechanism,
    Event: colons_event,
    Figure: colons_figure,
    Topic: colons_topic,
}
"""The colon counter of each record class."""

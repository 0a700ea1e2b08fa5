"""The data model: cases, the contacts on their timeline, and their evidence.

Records are msgspec Structs: decoding checks every type, enum and range in C, and each struct's
``__post_init__`` adds the rules types cannot say. ``stored_cases.decode_case`` turns a stored document into a
Case and reports a bad one with its case and field.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import msgspec

from store.errors import InvalidInput
from store.records.credit_code import credit_code_problem
from store.records.date_input import FIRST_YEAR, LAST_YEAR, year_problem
from store.records.record_ids import MAX_RECORD_ID
from store.records.validation_messages import invalid_input, problem
from store.rules.messages import Msg

Aware = Annotated[dt.datetime, msgspec.Meta(tz=True)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Short = Annotated[str, msgspec.Meta(max_length=200)]
Text = Annotated[str, msgspec.Meta(max_length=20_000)]
Fen = Annotated[int, msgspec.Meta(ge=0, le=10**12)]
RecordId = Annotated[int, msgspec.Meta(ge=1, le=MAX_RECORD_ID)]
Seconds = Annotated[int, msgspec.Meta(ge=0, le=24 * 3600)]
Sha256 = Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{64}$")]
# A name inside the vault folder: the SHA-256 and the original's suffix; never a path or a control character.
VaultName = Annotated[str, msgspec.Meta(pattern=r"^(?:[0-9a-f]{64}(?:\.[^./\\\x00-\x1f\x7f-\x9f]{1,15})?)?$")]


class Category(StrEnum):
    QUALITY = "quality"
    COUNTERFEIT = "counterfeit"  # fake goods or other fraud (假冒、欺诈)
    FOOD = "food"  # food not meeting food-safety standards (食品不符合食品安全标准)
    WRONG_ITEM = "wrong_item"
    LOGISTICS = "logistics"
    AFTER_SALES = "after_sales"
    PRICE = "price"
    OTHER = "other"


class Demand(StrEnum):
    RETURN_REFUND = "return_refund"
    REFUND_ONLY = "refund_only"
    EXCHANGE = "exchange"
    COMPENSATION = "compensation"
    EXPLANATION = "explanation"
    OTHER = "other"


class Status(StrEnum):
    OPEN = "open"
    WAITING = "waiting"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        return self not in (Status.RESOLVED, Status.CLOSED)


class Channel(StrEnum):
    AFTER_SALES = "after_sales"
    ONLINE_CS = "online_cs"
    HOTLINE = "hotline"
    C12315 = "12315"
    MARKET_BUREAU = "market_bureau"
    PUBLIC_POST = "public_post"
    LAWYER_COURT = "lawyer_court"
    OTHER = "other"


class Direction(StrEnum):
    OUTGOING = "outgoing"  # the consumer contacted them
    INCOMING = "incoming"  # they contacted the consumer


class PromiseState(StrEnum):
    NONE = "none"
    PENDING = "pending"
    KEPT = "kept"
    BROKEN = "broken"


class EvidenceKind(StrEnum):
    ORDER_SCREENSHOT = "order_screenshot"
    PHOTOS_VIDEO = "photos_video"
    CHAT_LOG = "chat_log"
    LOGISTICS = "logistics"
    PACKAGING = "packaging"
    CALL_RECORDING = "call_recording"
    OTHER_PROOF = "other_proof"


class EvidenceState(StrEnum):
    MISSING = "missing"
    COLLECTED = "collected"
    SUBMITTED = "submitted"


# gc=False: records hold only strings, numbers, dates and other records, never a cycle, so the
# garbage collector need not track (and walk) the hundreds of thousands of them 10,000 cases make.
class _Record(msgspec.Struct, kw_only=True, omit_defaults=True, forbid_unknown_fields=True, gc=False):
    pass


_DAY = dt.timedelta(days=1)


class Reference(_Record, kw_only=True):
    """A reference number the other side gave: after-sales no., ticket, 12315 工单 no., …"""

    label: Short
    value: Short


def _check_years(*values: dt.date | None) -> None:
    """Dates outside the years records may hold (store.records.date_input): a crafted or mistyped
    year 9999 or 1 would overflow in every deadline and view of the case."""
    for value in values:
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:  # checked on every load: cheap first
            wrong = year_problem(value, value.isoformat())
            if wrong is not None:
                raise ValueError(problem(wrong))


class EvidenceFile(_Record, kw_only=True):
    path: Text
    size: Fen
    sha256: Sha256
    attached: Aware
    vault_name: VaultName = ""  # file name inside the content-addressed vault, if copied there

    def __post_init__(self) -> None:
        _check_years(self.attached)


class EvidenceItem(_Record, kw_only=True):
    id: RecordId
    kind: EvidenceKind
    state: EvidenceState = EvidenceState.MISSING
    note: Text = ""
    files: tuple[EvidenceFile, ...] = ()


class Contact(_Record, kw_only=True):
    """One entry on a case's timeline: a contact with the shop, platform or an authority."""

    id: RecordId
    at: Aware
    channel: Channel
    duration: Seconds | None = None  # how long the call lasted, in seconds (None: not a timed call)
    direction: Direction = Direction.OUTGOING
    agent_id: Short = ""  # 工号
    reference_no: Short = ""
    summary: Text = ""  # what was said
    promise: Text = ""  # promised resolution
    deadline: Aware | None = None
    deadline_estimated: bool = False  # computed on a calendar the holiday data does not cover
    promise_state: PromiseState = PromiseState.NONE
    evidence_ids: tuple[RecordId, ...] = ()

    def __post_init__(self) -> None:
        deadline = self.deadline
        _check_years(self.at, deadline)  # first: the comparison below would overflow
        if deadline is None and not self.promise.strip():  # no promise
            self.promise_state = PromiseState.NONE
            return
        if self.promise_state is PromiseState.NONE:
            self.promise_state = PromiseState.PENDING
        if deadline is not None and deadline < self.at - _DAY:
            raise ValueError(problem(Msg.of("input.deadline_before_contact")))


class Case(_Record, kw_only=True):
    id: RecordId
    title: Title
    platform: Short = ""
    shop: Short = ""
    respondent_name: Short = ""  # full legal name of the business complained about
    respondent_credit_code: Short = ""  # 统一社会信用代码
    respondent_address: Short = ""  # the business's address; a complaint must give it (办法 Art. 10)
    order_no: Short = ""
    product: Short = ""
    amount_paid_fen: Fen | None = None
    order_date: dt.date | None = None
    delivery_date: dt.date | None = None  # signed for / received by the consumer (签收)
    delivery_time: dt.time | None = None  # the courier's sign-off time that day, when known
    return_received_date: dt.date | None = None  # the business received the returned goods
    complaint_accepted_date: dt.date | None = None  # the regulator accepted the complaint
    category: Category = Category.OTHER
    demand: Demand = Demand.RETURN_REFUND
    demand_detail: Text = ""
    compensation_fen: Fen | None = None
    loss_fen: Fen | None = None  # the consumer's loss, for a statutory amount counted from it
    # Facts the user confirms; the statutory amount and some clocks follow from them (rules data).
    deceived: bool = False  # the business deceived the consumer (消法 Art. 55)
    seller_knew: bool = False  # the seller knew the food did not meet the standards (食安法 Art. 148)
    sanbao_covered: bool = False  # the goods are in the 三包 catalogue
    status: Status = Status.OPEN
    outcome: Text = ""
    recovered_fen: Fen | None = None
    references: tuple[Reference, ...] = ()
    tags: tuple[Short, ...] = ()
    private_names: tuple[Short, ...] = ()  # people's names to mask in public (redacted) exports
    notes: Text = ""
    created: Aware
    updated: Aware
    revision: Annotated[int, msgspec.Meta(ge=0)] = 0
    deleted_at: Aware | None = None
    contacts: list[Contact] = []
    evidence: list[EvidenceItem] = []

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError(problem(Msg.of("input.title_needed")))
        # A sign-off before the order is asked about when typed, not refused (store.records.date_checks).
        if self.delivery_time is not None and self.delivery_date is None:
            raise ValueError(problem(Msg.of("input.time_needs_date")))
        wrong = credit_code_problem(self.respondent_credit_code)
        if wrong:
            raise ValueError(problem(wrong))
        _check_years(
            self.order_date,
            self.delivery_date,
            self.return_received_date,
            self.complaint_accepted_date,
            self.created,
            self.updated,
            self.deleted_at,
        )

    # -- derived views -------------------------------------------------------------------------
    def timeline(self) -> list[Contact]:
        """Contacts in time order (stable for equal times)."""
        return sorted(self.contacts, key=lambda c: (c.at, c.id))

    def contact(self, contact_id: int) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def evidence_item(self, evidence_id: int) -> EvidenceItem | None:
        return next((e for e in self.evidence if e.id == evidence_id), None)

    def search_text(self) -> str:
        """Lower-cased text the case list filters on: title, order no., shop, notes, agent IDs."""
        parts = [
            self.title,
            self.order_no,
            self.shop,
            self.platform,
            self.product,
            self.notes,
            self.respondent_name,
            *self.tags,
            *(r.value for r in self.references),
        ]
        parts.extend(c.agent_id for c in self.contacts if c.agent_id)
        parts.extend(c.reference_no for c in self.contacts if c.reference_no)
        return "\n".join(parts).casefold()


def encode_case(case: Case) -> dict[str, Any]:
    """The stored document for a case (its id is the TinyDB document id, not a field)."""
    doc: dict[str, Any] = msgspec.to_builtins(case)
    doc.pop("id", None)
    return doc


R = TypeVar("R", bound=msgspec.Struct)


def validated(record: R) -> R:
    """Re-check a record built with ``msgspec.structs.replace`` (which skips validation)."""
    try:
        return msgspec.convert(msgspec.to_builtins(record), type(record))
    except msgspec.ValidationError as error:
        raise _invalid(error) from None


def build(kind: type[R], fields: dict[str, Any]) -> R:
    """Build a record from plain values (strings for enums and ISO times), with clear errors."""
    try:
        return msgspec.convert(fields, kind)
    except msgspec.ValidationError as error:
        raise _invalid(error) from None


def _invalid(error: msgspec.ValidationError) -> InvalidInput:
    """A validation error as a message for the user: the field by its label, the problem from the
    catalogs (store.records.validation_messages)."""
    return invalid_input(error)

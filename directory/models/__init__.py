"""The ORUK data model (one module per concept group) and its extensions."""
from .account import ROLES, Account
from .base import Base, new_id
from .change_log import ChangeLogEntry, ChangeLogPrune, IndexNode
from .gap_report import GapCount
from .location import Accessibility, Location, PhysicalAddress, ServiceAtLocation
from .organization import Contact, Organization, Phone
from .postcode import Postcode
from .rate_limit import RateLimitCounter
from .reminder import ListingKeeper, Reminder, ReminderToken
from .schedule import InvalidSchedule, Schedule, Session
from .submission import AuditEntry, EditToken, ProblemReport, Submission
from .service import CostOption, Language, Service, ServiceArea, ServiceTranslation
from .taxonomy import Attribute, Taxonomy, TaxonomyTerm, TaxonomyTermTranslation

__all__ = [
    "AuditEntry", "EditToken", "ProblemReport", "Submission",
    "Accessibility", "Account", "Attribute", "Base", "ChangeLogEntry", "ChangeLogPrune", "Contact", "CostOption", "GapCount", "InvalidSchedule",
    "IndexNode", "Language", "ListingKeeper", "Reminder", "ReminderToken", "Location", "Organization", "Phone", "PhysicalAddress", "Postcode", "ROLES",
    "RateLimitCounter", "Schedule", "Service", "ServiceArea", "ServiceAtLocation", "ServiceTranslation", "Session",
    "Taxonomy", "TaxonomyTerm", "TaxonomyTermTranslation", "new_id",
]

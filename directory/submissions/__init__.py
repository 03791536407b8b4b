"""Groups submit and keep their own listings; moderators review; listings stay fresh.

The domain side (no Flask): turning a group's answers into an ORUK listing
(``drafts``, ``schedules``), spotting duplicates, private edit links (``tokens``), the
moderation workflow and queue, and the audit log. ``directory.web.submit`` and
``directory.web.moderate`` render it.
"""
from .audit import diff, history, record
from .drafts import TEXT_LOCALES, draft_from_payload, payload_from_draft
from .duplicates import LikelyDuplicate, find_duplicates
from .queue import ModerationQueue, moderation_queue, stale_listings
from .tokens import InvalidEditToken, find_token, issue_token, revoke_tokens
from .workflow import (
    GROUP_STATUSES, AlreadyDecided, ListingNotLive, Receipt, approve, confirm_still_running, latest_submission,
    live_listing, reject, report_problem, resolve_report, set_group_status, submit_edit, submit_listing,
)

__all__ = [
    "GROUP_STATUSES", "TEXT_LOCALES", "AlreadyDecided", "InvalidEditToken", "LikelyDuplicate", "ListingNotLive",
    "ModerationQueue", "Receipt", "approve", "confirm_still_running", "diff", "draft_from_payload", "find_duplicates",
    "find_token", "history", "issue_token", "latest_submission", "live_listing", "moderation_queue",
    "payload_from_draft", "record", "reject", "report_problem", "resolve_report", "revoke_tokens",
    "set_group_status", "stale_listings", "submit_edit", "submit_listing",
]

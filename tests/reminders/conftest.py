"""Fixtures for the reminder tests: a real SMTP server on loopback (aiosmtpd) that keeps
what it receives and can refuse chosen recipients, and a seeded directory in which every
listing was confirmed today except the few a test makes due."""
from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import socket
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from directory.cli import main
from directory.models import Service

GUJARATI_LUNCH = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"   # gu, bgsa@example.org
POLISH_CLUB = "916ddd4f-63c9-5519-8003-c0376fa17fc2"      # pl, polscy.seniorzy@example.org
CHINESE_TAI_CHI = "acbd94d6-1a05-566b-a109-9c4b3a145cf7"  # zh_Hant, chinese.elders@example.org
LANGAR = "6e87567d-d0ed-571b-b59d-6137eb27c8d3"           # en, gurdwara.belgrave@example.org
SECRET = "test-secret"


@dataclass
class Received:
    recipients: list[str]
    message: email.message.EmailMessage

    @property
    def text(self) -> str:
        return self.message.get_body(("plain",)).get_content()

    @property
    def html(self) -> str:
        return self.message.get_body(("html",)).get_content()


@dataclass
class RecordingHandler:
    """Keeps every message; answers 550 to the addresses in ``refuse``."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append(Received(list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), loop=asyncio.new_event_loop())
    controller.start()
    yield controller
    controller.stop()


def run_remind(app, port: int, *args: str, base_url: str = "http://localhost"):
    """``directory remind`` as cron runs it: a new process's app, from environment variables."""
    environment = {
        "DIRECTORY_DATABASE_URL": app.config["DATABASE_URL"], "DIRECTORY_INDEX_DIR": app.config["INDEX_DIR"],
        "DIRECTORY_INSTANCE_DIR": app.config["INSTANCE_DIR"], "DIRECTORY_SECRET_KEY": SECRET,
        "DIRECTORY_MAIL_SERVER": "127.0.0.1", "DIRECTORY_MAIL_PORT": str(port),
        "DIRECTORY_MAIL_FROM": "signpost@example.org", "DIRECTORY_BASE_URL": base_url,
        "DIRECTORY_WARM_UP": "0", "DIRECTORY_INDEX_FOLLOW": "0",
    }
    return CliRunner().invoke(main, ["remind", *args], env=environment, catch_exceptions=False)


def make_due(db, *listing_ids: str, days_ago: int = 170) -> None:
    """Every listing confirmed today, except ``listing_ids``: confirmed ``days_ago`` (due
    ``STALE_AFTER_DAYS - 30`` = 153 days after confirming)."""
    today = dt.date.today()
    with db.session() as session:
        session.execute(update(Service).where(Service.id.not_in(listing_ids)).values(last_verified=today))
        for service in session.scalars(select(Service).where(Service.id.in_(listing_ids))):
            # through the ORM, so the change log (and the search index) hear of it
            service.last_verified = today - dt.timedelta(days=days_ago)


@pytest.fixture
def due_directory(seeded_db):
    make_due(seeded_db, GUJARATI_LUNCH, POLISH_CLUB, CHINESE_TAI_CHI, LANGAR)
    return seeded_db

"""Staff accounts: moderators, connectors and admins (never participants)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from .base import Base, IdMixin

ROLES = ("moderator", "connector", "admin")


class Account(IdMixin, Base):
    """A member of staff who signs in. Passwords are stored as werkzeug scrypt hashes."""

    __tablename__ = "account"

    email: Mapped[str] = mapped_column(String(255), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))
    # Part of every session's identity (Flask-Login's alternative id): raising it ends every
    # session signed in before, on every computer (sign-out, a new password, a new role).
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0", nullable=False)

    def end_sessions(self) -> None:
        self.session_epoch = (self.session_epoch or 0) + 1

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")
        self.end_sessions()

    def set_role(self, role: str) -> None:
        if role != self.role:
            if self.role is not None:
                self.end_sessions()
            self.role = role

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

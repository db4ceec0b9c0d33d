"""SQLAlchemy tables of the diary."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class PainEntryRow(Base):
    __tablename__ = "pain_entries"
    __table_args__ = (CheckConstraint("score BETWEEN 0 AND 10", name="ck_pain_entries_score"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    recorded_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class SettingRow(Base):
    """Settings that belong to the diary (encrypted with it), such as the person's name."""

    __tablename__ = "diary_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

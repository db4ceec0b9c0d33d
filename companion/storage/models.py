"""SQLAlchemy tables of the diary (created and changed only by the Alembic revisions)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class PainEntryRow(Base):
    """A check-in. Named pain_entries since 0.1, when a check-in was only a pain score."""

    __tablename__ = "pain_entries"
    __table_args__ = (CheckConstraint("score BETWEEN 0 AND 10", name="ck_pain_entries_score"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    recorded_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    sleep_quality: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    mood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fatigue: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    regions: Mapped[list[EntryRegionRow]] = relationship(
        cascade="all, delete-orphan", order_by="EntryRegionRow.position", lazy="selectin"
    )
    tag_links: Mapped[list[EntryTagRow]] = relationship(
        cascade="all, delete-orphan", order_by="EntryTagRow.position", lazy="selectin"
    )


class EntryRegionRow(Base):
    __tablename__ = "entry_regions"
    __table_args__ = (CheckConstraint("intensity BETWEEN 0 AND 10", name="ck_entry_regions_intensity"),)

    entry_id: Mapped[str] = mapped_column(ForeignKey("pain_entries.id", ondelete="CASCADE"), primary_key=True)
    region: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    intensity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain_type: Mapped[str | None] = mapped_column(String(16), nullable=True)


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text, unique=True)
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class EntryTagRow(Base):
    __tablename__ = "entry_tags"
    __table_args__ = (CheckConstraint("rating BETWEEN 0 AND 4", name="ck_entry_tags_rating"),)

    entry_id: Mapped[str] = mapped_column(ForeignKey("pain_entries.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[str] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tag: Mapped[TagRow] = relationship(lazy="joined")


class PegResponseRow(Base):
    """PEG (Krebs et al. 2009): three 0-10 items about the past week."""

    __tablename__ = "peg_responses"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    taken_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    pain_average: Mapped[int] = mapped_column(Integer)
    enjoyment: Mapped[int] = mapped_column(Integer)
    activity: Mapped[int] = mapped_column(Integer)
    answered_language: Mapped[str | None] = mapped_column(String(8), nullable=True)


class MoodScreenRow(Base):
    """PHQ-2 or GAD-2: two 0-3 items about the last 2 weeks."""

    __tablename__ = "mood_screens"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instrument: Mapped[str] = mapped_column(String(8))
    taken_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    item1: Mapped[int] = mapped_column(Integer)
    item2: Mapped[int] = mapped_column(Integer)
    answered_language: Mapped[str | None] = mapped_column(String(8), nullable=True)


class FlareEpisodeRow(Base):
    __tablename__ = "flare_episodes"
    __table_args__ = (CheckConstraint("peak_pain BETWEEN 0 AND 10", name="ck_flare_episodes_peak_pain"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    started_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    started_offset_minutes: Mapped[int] = mapped_column(Integer)
    ended_at_utc: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    ended_offset_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    peak_pain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    triggers: Mapped[str] = mapped_column(Text, default="")
    helped: Mapped[str] = mapped_column(Text, default="")
    change_next_time: Mapped[str] = mapped_column(Text, default="")
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)


class PacingActivityRow(Base):
    """An activity the person paces, with its baseline and how its plan grows."""

    __tablename__ = "pacing_activities"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(16))
    own_unit: Mapped[str] = mapped_column(Text, default="")
    planned_days: Mapped[str] = mapped_column(String(7), default="0123456")  # weekday digits, Monday = 0
    increase_kind: Mapped[str] = mapped_column(String(8), default="percent")
    increase_value: Mapped[float] = mapped_column(Float, default=10.0)
    ceiling: Mapped[float | None] = mapped_column(Float, nullable=True)
    rest_every_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rest_minutes: Mapped[int] = mapped_column(Integer, default=2)
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline_method: Mapped[str | None] = mapped_column(String(16), nullable=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class ToleranceTestRow(Base):
    __tablename__ = "tolerance_tests"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    activity_id: Mapped[str] = mapped_column(ForeignKey("pacing_activities.id", ondelete="CASCADE"), index=True)
    taken_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    amount: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class PlanChangeRow(Base):
    """From starts_on the target is amount, growing weekly by the activity's rule (start, step down, step up)."""

    __tablename__ = "pacing_plan_changes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    activity_id: Mapped[str] = mapped_column(ForeignKey("pacing_activities.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(16))
    resume_amount: Mapped[float | None] = mapped_column(Float, nullable=True)
    flare_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class ActivityLogRow(Base):
    """An amount done on a day: typed in, or timed by the pacing timer."""

    __tablename__ = "activity_logs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    activity_id: Mapped[str] = mapped_column(ForeignKey("pacing_activities.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    logged_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    amount: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(8), default="manual")
    note: Mapped[str] = mapped_column(Text, default="")


class WhatMattersRow(Base):
    """One dated version of "what matters to me"; the newest is current."""

    __tablename__ = "what_matters"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    written_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    what_matters: Mapped[str] = mapped_column(Text, default="")
    good_day: Mapped[str] = mapped_column(Text, default="")


class GoalRow(Base):
    __tablename__ = "goals"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="active")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class GoalStepRow(Base):
    __tablename__ = "goal_steps"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    goal_id: Mapped[str] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class GoalRatingRow(Base):
    __tablename__ = "goal_ratings"
    __table_args__ = (CheckConstraint("rating BETWEEN 0 AND 10", name="ck_goal_ratings_rating"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    goal_id: Mapped[str] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    rated_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    rating: Mapped[int] = mapped_column(Integer)


class ActionPlanRow(Base):
    """A weekly action plan with its check-back (outcome null until the person checks back)."""

    __tablename__ = "action_plans"
    __table_args__ = (CheckConstraint("confidence BETWEEN 0 AND 10", name="ck_action_plans_confidence"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), nullable=True)
    week_start: Mapped[dt.date] = mapped_column(Date, index=True)
    what: Mapped[str] = mapped_column(Text)
    how_much: Mapped[str] = mapped_column(Text, default="")
    when_text: Mapped[str] = mapped_column(Text, default="")
    days: Mapped[str] = mapped_column(String(7), default="0123456")
    confidence: Mapped[int] = mapped_column(Integer)
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    outcome: Mapped[str | None] = mapped_column(String(8), nullable=True)
    got_in_the_way: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    checked_back_at_utc: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    agreed_with: Mapped[str] = mapped_column(Text, default="")
    agreed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class ActionPlanTickRow(Base):
    __tablename__ = "action_plan_ticks"

    plan_id: Mapped[str] = mapped_column(ForeignKey("action_plans.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)


class MedicineRow(Base):
    __tablename__ = "medicines"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="regular")
    dose: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    stopped_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    prescriber: Mapped[str] = mapped_column(Text, default="")
    next_review: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    last_reviewed: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    review_group: Mapped[str] = mapped_column(String(16), default="none")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    agreed_with: Mapped[str] = mapped_column(Text, default="")
    agreed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class MedicineRatingRow(Base):
    __tablename__ = "medicine_ratings"
    __table_args__ = (CheckConstraint("helpfulness BETWEEN 0 AND 10", name="ck_medicine_ratings_helpfulness"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    medicine_id: Mapped[str] = mapped_column(ForeignKey("medicines.id", ondelete="CASCADE"), index=True)
    rated_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    helpfulness: Mapped[int | None] = mapped_column(Integer, nullable=True)
    side_effects: Mapped[str] = mapped_column(Text, default="")


class MedicineDoseRow(Base):
    __tablename__ = "medicine_doses"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    medicine_id: Mapped[str] = mapped_column(ForeignKey("medicines.id", ondelete="CASCADE"), index=True)
    taken_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class TriedRow(Base):
    __tablename__ = "treatments_tried"
    __table_args__ = (CheckConstraint("helpfulness BETWEEN 0 AND 10", name="ck_treatments_tried_helpfulness"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    started_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    helpfulness: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class SupportEntryRow(Base):
    """A support group or service the person added to the directory (shipped entries live in resources/)."""

    __tablename__ = "support_entries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(Text, default="")
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class AppointmentRow(Base):
    """An appointment: before (top 3, questions) and after (told, decided, next steps, follow-up)."""

    __tablename__ = "appointments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    who: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    top_three: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of lines
    questions: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of lines
    told: Mapped[str] = mapped_column(Text, default="")
    decided: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {"what", "who"}
    follow_up: Mapped[str] = mapped_column(Text, default="")
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class FollowUpReasonRow(Base):
    __tablename__ = "follow_up_reasons"
    __table_args__ = (CheckConstraint("level BETWEEN 0 AND 10", name="ck_follow_up_reasons_level"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    appointment_id: Mapped[str] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"), index=True)
    words: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(16), default="words")
    days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    dismissed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class StoryItemRow(Base):
    """An entry in My story. `when_text` is an approximate date ("2019", "~2019-03", "2019-03-04")."""

    __tablename__ = "story_items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(Text)
    when_text: Mapped[str | None] = mapped_column(String(16), nullable=True)
    details: Mapped[str] = mapped_column(Text, default="")
    person: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    source_kind: Mapped[str] = mapped_column(String(16), default="none")
    source: Mapped[str] = mapped_column(Text, default="")
    tried_id: Mapped[str | None] = mapped_column(ForeignKey("treatments_tried.id", ondelete="SET NULL"), nullable=True)
    appointment_id: Mapped[str | None] = mapped_column(
        ForeignKey("appointments.id", ondelete="SET NULL"), nullable=True
    )
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    choice: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(Text, default="")
    with_whom: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    appointment_id: Mapped[str | None] = mapped_column(
        ForeignKey("appointments.id", ondelete="SET NULL"), nullable=True
    )
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class DecisionOptionRow(Base):
    __tablename__ = "decision_options"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    benefits: Mapped[str] = mapped_column(Text, default="")
    harms: Mapped[str] = mapped_column(Text, default="")
    myself: Mapped[str] = mapped_column(Text, default="")
    fits: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ReviewPlanRow(Base):
    """A medicine review or reduction plan agreed with a prescriber (steps as the person writes them)."""

    __tablename__ = "medicine_review_plans"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    medicine_id: Mapped[str | None] = mapped_column(ForeignKey("medicines.id", ondelete="SET NULL"), nullable=True)
    agreed_with: Mapped[str] = mapped_column(Text, default="")
    agreed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at_utc: Mapped[dt.datetime] = mapped_column(DateTime)


class ReviewStepRow(Base):
    __tablename__ = "medicine_review_steps"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("medicine_review_plans.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    """Settings that belong to the diary (encrypted with it), such as the person's name."""

    __tablename__ = "diary_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ImportBatchRow(Base):
    """One import from another tracker (Bearable, Flaredown, a spreadsheet): undone as a whole."""

    __tablename__ = "import_batches"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(Text, default="")
    imported_at_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    utc_offset_minutes: Mapped[int] = mapped_column(Integer)
    undone_at_utc: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ImportBatchItemRow(Base):
    """A row an import added (a check-in, or a tag it created), by table and id."""

    __tablename__ = "import_batch_items"

    batch_id: Mapped[str] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)

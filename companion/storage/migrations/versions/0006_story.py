"""My story, appointments with follow-up reasons, decisions made together, medicine review plans, and
"agreed with ... on ..." on action plans and medicines (the flare-up plan keeps it in its JSON).

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("id", sa.String(36), primary_key=True)


def _text(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def upgrade() -> None:
    for table in ("action_plans", "medicines"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(_text("agreed_with"))
            batch.add_column(sa.Column("agreed_on", sa.Date(), nullable=True))
    op.create_table(
        "appointments",
        _id(),
        sa.Column("at_utc", sa.DateTime(), nullable=False, index=True),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        *(_text(name) for name in ("who", "role", "place", "why", "contact")),
        sa.Column("top_three", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("questions", sa.Text(), nullable=False, server_default="[]"),
        _text("told"),
        _text("decided"),
        sa.Column("next_steps", sa.Text(), nullable=False, server_default="[]"),
        _text("follow_up"),
        sa.Column("attended", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "follow_up_reasons",
        _id(),
        sa.Column(
            "appointment_id",
            sa.String(36),
            sa.ForeignKey("appointments.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(16), nullable=False, server_default="words"),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("weeks", sa.Integer(), nullable=True),
        sa.Column("dismissed_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.CheckConstraint("level BETWEEN 0 AND 10", name="ck_follow_up_reasons_level"),
    )
    op.create_table(
        "story_items",
        _id(),
        sa.Column("kind", sa.String(16), nullable=False, index=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("when_text", sa.String(16), nullable=True),
        *(_text(name) for name in ("details", "person", "role", "place", "contact", "result")),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("source_kind", sa.String(16), nullable=False, server_default="none"),
        _text("source"),
        sa.Column("tried_id", sa.String(36), sa.ForeignKey("treatments_tried.id", ondelete="SET NULL"), nullable=True),
        sa.Column(
            "appointment_id", sa.String(36), sa.ForeignKey("appointments.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "decisions",
        _id(),
        sa.Column("choice", sa.Text(), nullable=False),
        _text("decision"),
        _text("with_whom"),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column(
            "appointment_id", sa.String(36), sa.ForeignKey("appointments.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "decision_options",
        _id(),
        sa.Column(
            "decision_id", sa.String(36), sa.ForeignKey("decisions.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("name", sa.Text(), nullable=False),
        *(_text(name) for name in ("benefits", "harms", "myself", "fits")),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "medicine_review_plans",
        _id(),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("medicine_id", sa.String(36), sa.ForeignKey("medicines.id", ondelete="SET NULL"), nullable=True),
        _text("agreed_with"),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        _text("notes"),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "medicine_review_steps",
        _id(),
        sa.Column(
            "plan_id",
            sa.String(36),
            sa.ForeignKey("medicine_review_plans.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "medicine_review_steps",
        "medicine_review_plans",
        "decision_options",
        "decisions",
        "story_items",
        "follow_up_reasons",
        "appointments",
    ):
        op.drop_table(table)
    for table in ("medicines", "action_plans"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("agreed_on")
            batch.drop_column("agreed_with")

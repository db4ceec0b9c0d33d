"""Activity pacing: activities, tolerance tests, plan changes (start, step down, step up) and logs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pacing_activities",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("own_unit", sa.Text(), nullable=False, server_default=""),
        sa.Column("planned_days", sa.String(7), nullable=False, server_default="0123456"),
        sa.Column("increase_kind", sa.String(8), nullable=False, server_default="percent"),
        sa.Column("increase_value", sa.Float(), nullable=False, server_default="10"),
        sa.Column("ceiling", sa.Float(), nullable=True),
        sa.Column("rest_every_minutes", sa.Integer(), nullable=True),
        sa.Column("rest_minutes", sa.Integer(), nullable=False, server_default="2"),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("baseline_method", sa.String(16), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "tolerance_tests",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "activity_id",
            sa.String(36),
            sa.ForeignKey("pacing_activities.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("taken_at_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "pacing_plan_changes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "activity_id",
            sa.String(36),
            sa.ForeignKey("pacing_activities.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("resume_amount", sa.Float(), nullable=True),
        sa.Column("flare_id", sa.String(36), nullable=True),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "activity_logs",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "activity_id",
            sa.String(36),
            sa.ForeignKey("pacing_activities.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("day", sa.Date(), nullable=False, index=True),
        sa.Column("logged_at_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False, server_default="manual"),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("activity_logs")
    op.drop_table("pacing_plan_changes")
    op.drop_table("tolerance_tests")
    op.drop_table("pacing_activities")

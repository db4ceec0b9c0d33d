"""Goals, weekly action plans, what matters to me, medicines, what I've tried, and my own support entries.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "what_matters",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("written_at_utc", sa.DateTime(), nullable=False, index=True),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("what_matters", sa.Text(), nullable=False, server_default=""),
        sa.Column("good_day", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "goals",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False, server_default=""),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(8), nullable=False, server_default="active"),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "goal_steps",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("goal_id", sa.String(36), sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "goal_ratings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("goal_id", sa.String(36), sa.ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("rated_at_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 0 AND 10", name="ck_goal_ratings_rating"),
    )
    op.create_table(
        "action_plans",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("goal_id", sa.String(36), sa.ForeignKey("goals.id", ondelete="SET NULL"), nullable=True),
        sa.Column("week_start", sa.Date(), nullable=False, index=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("how_much", sa.Text(), nullable=False, server_default=""),
        sa.Column("when_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("days", sa.String(7), nullable=False, server_default="0123456"),
        sa.Column("confidence", sa.Integer(), nullable=False),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(8), nullable=True),
        sa.Column("got_in_the_way", sa.Text(), nullable=False, server_default=""),
        sa.Column("next_step", sa.Text(), nullable=False, server_default=""),
        sa.Column("checked_back_at_utc", sa.DateTime(), nullable=True),
        sa.CheckConstraint("confidence BETWEEN 0 AND 10", name="ck_action_plans_confidence"),
    )
    op.create_table(
        "action_plan_ticks",
        sa.Column("plan_id", sa.String(36), sa.ForeignKey("action_plans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
    )
    op.create_table(
        "medicines",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False, server_default=""),
        sa.Column("kind", sa.String(16), nullable=False, server_default="regular"),
        sa.Column("dose", sa.Text(), nullable=False, server_default=""),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("stopped_on", sa.Date(), nullable=True),
        sa.Column("prescriber", sa.Text(), nullable=False, server_default=""),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("last_reviewed", sa.Date(), nullable=True),
        sa.Column("review_group", sa.String(16), nullable=False, server_default="none"),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "medicine_ratings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "medicine_id", sa.String(36), sa.ForeignKey("medicines.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("rated_at_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("helpfulness", sa.Integer(), nullable=True),
        sa.Column("side_effects", sa.Text(), nullable=False, server_default=""),
        sa.CheckConstraint("helpfulness BETWEEN 0 AND 10", name="ck_medicine_ratings_helpfulness"),
    )
    op.create_table(
        "medicine_doses",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "medicine_id", sa.String(36), sa.ForeignKey("medicines.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("taken_at_utc", sa.DateTime(), nullable=False, index=True),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "treatments_tried",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("helpfulness", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
        sa.CheckConstraint("helpfulness BETWEEN 0 AND 10", name="ck_treatments_tried_helpfulness"),
    )
    op.create_table(
        "support_entries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False, server_default=""),
        sa.Column("phone", sa.Text(), nullable=False, server_default=""),
        sa.Column("website", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("support_entries")
    op.drop_table("treatments_tried")
    op.drop_table("medicine_doses")
    op.drop_table("medicine_ratings")
    op.drop_table("medicines")
    op.drop_table("action_plan_ticks")
    op.drop_table("action_plans")
    op.drop_table("goal_ratings")
    op.drop_table("goal_steps")
    op.drop_table("goals")
    op.drop_table("what_matters")

"""Initial schema: pain entries and diary settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pain_entries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("recorded_at_utc", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
        sa.Column("updated_at_utc", sa.DateTime(), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name="ck_pain_entries_score"),
    )
    op.create_index("ix_pain_entries_recorded_at_utc", "pain_entries", ["recorded_at_utc"])
    op.create_table(
        "diary_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("diary_settings")
    op.drop_index("ix_pain_entries_recorded_at_utc", "pain_entries")
    op.drop_table("pain_entries")

"""Flare episodes: start, end, peak pain, and the after-flare review.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flare_episodes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("started_at_utc", sa.DateTime(), nullable=False, index=True),
        sa.Column("started_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("ended_at_utc", sa.DateTime(), nullable=True),
        sa.Column("ended_offset_minutes", sa.Integer(), nullable=True),
        sa.Column("peak_pain", sa.Integer(), nullable=True),
        sa.Column("triggers", sa.Text(), nullable=False, server_default=""),
        sa.Column("helped", sa.Text(), nullable=False, server_default=""),
        sa.Column("change_next_time", sa.Text(), nullable=False, server_default=""),
        sa.Column("reviewed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.CheckConstraint("peak_pain BETWEEN 0 AND 10", name="ck_flare_episodes_peak_pain"),
    )


def downgrade() -> None:
    op.drop_table("flare_episodes")

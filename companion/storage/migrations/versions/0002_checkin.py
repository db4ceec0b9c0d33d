"""The full check-in: optional pain score, sleep, mood, tiredness, body regions, tags; PEG and mood screens.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pain_entries") as batch:
        batch.alter_column("score", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("sleep_quality", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("sleep_hours", sa.Float(), nullable=True))
        batch.add_column(sa.Column("mood", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("fatigue", sa.Integer(), nullable=True))
    op.create_table(
        "entry_regions",
        sa.Column("entry_id", sa.String(36), sa.ForeignKey("pain_entries.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("region", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("intensity", sa.Integer(), nullable=True),
        sa.Column("pain_type", sa.String(16), nullable=True),
        sa.CheckConstraint("intensity BETWEEN 0 AND 10", name="ck_entry_regions_intensity"),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False, unique=True),
        sa.Column("created_at_utc", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.String(36), sa.ForeignKey("pain_entries.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag_id", sa.String(36), sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.CheckConstraint("rating BETWEEN 0 AND 4", name="ck_entry_tags_rating"),
    )
    op.create_index("ix_entry_tags_tag_id", "entry_tags", ["tag_id"])
    op.create_table(
        "peg_responses",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("taken_at_utc", sa.DateTime(), nullable=False, index=True),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("pain_average", sa.Integer(), nullable=False),
        sa.Column("enjoyment", sa.Integer(), nullable=False),
        sa.Column("activity", sa.Integer(), nullable=False),
    )
    op.create_table(
        "mood_screens",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("instrument", sa.String(8), nullable=False),
        sa.Column("taken_at_utc", sa.DateTime(), nullable=False, index=True),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("item1", sa.Integer(), nullable=False),
        sa.Column("item2", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("mood_screens")
    op.drop_table("peg_responses")
    op.drop_index("ix_entry_tags_tag_id", "entry_tags")
    op.drop_table("entry_tags")
    op.drop_table("tags")
    op.drop_table("entry_regions")
    with op.batch_alter_table("pain_entries") as batch:
        batch.drop_column("fatigue")
        batch.drop_column("mood")
        batch.drop_column("sleep_hours")
        batch.drop_column("sleep_quality")
        batch.alter_column("score", existing_type=sa.Integer(), nullable=False)

"""Import batches (what each import from another tracker added, so it can be undone as a whole) and the
language each PEG and mood screen was answered in (for the FHIR export).

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-18
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batches",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("imported_at_utc", sa.DateTime(), nullable=False, index=True),
        sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
        sa.Column("undone_at_utc", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "import_batch_items",
        sa.Column(
            "batch_id",
            sa.String(36),
            sa.ForeignKey("import_batches.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("table_name", sa.String(32), primary_key=True),
        sa.Column("row_id", sa.String(36), primary_key=True),
    )

    for table in ("peg_responses", "mood_screens"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("answered_language", sa.String(8), nullable=True))


def downgrade() -> None:
    for table in ("peg_responses", "mood_screens"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("answered_language")
    op.drop_table("import_batch_items")
    op.drop_table("import_batches")

"""attachments indexed by whether their file is here, then hash: each sync's question of which files to move

`files_to_upload` and `files_to_download` ran on every sync and read every attachment (grouped by hash through
the hash index). With (present, sha256) they read only the attachments on the side asked about.

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_attachments_present_sha256", "attachments", ["present", "sha256"])


def downgrade() -> None:
    op.drop_index("ix_attachments_present_sha256", table_name="attachments")

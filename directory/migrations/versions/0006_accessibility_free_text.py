"""accessibility.description holds ORUK free text as published, not only a 64-character code

Revision ID: 0006_access_text
Revises: 0005_hardening
Create Date: 2026-12-02 07:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_access_text'
down_revision = '0005_hardening'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('accessibility', schema=None) as batch_op:
        batch_op.alter_column('description', existing_type=sa.String(length=64), type_=sa.Text(),
                              existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('accessibility', schema=None) as batch_op:
        batch_op.alter_column('description', existing_type=sa.Text(), type_=sa.String(length=64),
                              existing_nullable=True)

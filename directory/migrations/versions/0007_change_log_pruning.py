"""Index nodes report how far they applied the change log, so it can be pruned safely

Revision ID: 0007_pruning
Revises: 0006_access_text
Create Date: 2026-12-02 13:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_pruning'
down_revision = '0006_access_text'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('index_node',
    sa.Column('node', sa.String(length=512), nullable=False),
    sa.Column('applied_seq', sa.BigInteger(), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('node', name=op.f('pk_index_node'))
    )
    op.create_table('change_log_prune',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('pruned_through', sa.BigInteger(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('pruned_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log_prune'))
    )


def downgrade() -> None:
    op.drop_table('change_log_prune')
    op.drop_table('index_node')

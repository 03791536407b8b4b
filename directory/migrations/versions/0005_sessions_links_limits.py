"""Hardening: a session epoch per staff account, expiring edit links, shared rate-limit counters

Revision ID: 0005_hardening
Revises: 0004
Create Date: 2026-12-02 07:00:00
"""
import datetime as dt

from alembic import op
import sqlalchemy as sa


revision = '0005_hardening'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('account') as batch:
        batch.add_column(sa.Column('session_epoch', sa.Integer(), server_default='0', nullable=False))
    with op.batch_alter_table('edit_token') as batch:
        batch.add_column(sa.Column('expires_at', sa.DateTime(), nullable=True))
    # Links issued before expiry existed get the default lifetime from today.
    expires = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0) + dt.timedelta(days=365)
    op.execute(sa.text("UPDATE edit_token SET expires_at = :expires WHERE expires_at IS NULL")
               .bindparams(expires=expires))
    op.create_table('rate_limit_counter',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limit_counter'))
    )
    op.create_index(op.f('ix_rate_limit_counter_expires_at'), 'rate_limit_counter', ['expires_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_rate_limit_counter_expires_at'), table_name='rate_limit_counter')
    op.drop_table('rate_limit_counter')
    with op.batch_alter_table('edit_token') as batch:
        batch.drop_column('expires_at')
    with op.batch_alter_table('account') as batch:
        batch.drop_column('session_epoch')

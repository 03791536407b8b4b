"""Listings that stay true: keepers' addresses, reminders and their one-click links

Revision ID: 0008_reminders
Revises: 0007_pruning
Create Date: 2026-12-06 20:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_reminders'
down_revision = '0007_pruning'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('listing_keeper',
    sa.Column('listing_id', sa.String(length=36), nullable=False),
    sa.Column('email', sa.String(length=255), nullable=True),
    sa.Column('set_by', sa.String(length=255), nullable=False),
    sa.Column('set_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('listing_id', name=op.f('pk_listing_keeper'))
    )
    op.create_table('reminder',
    sa.Column('listing_id', sa.String(length=36), nullable=False),
    sa.Column('recipient', sa.String(length=255), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('delivery', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('answer', sa.String(length=16), nullable=True),
    sa.Column('paused_until', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder'))
    )
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_sent_at'), ['sent_at'], unique=False)
    op.create_table('reminder_token',
    sa.Column('reminder_id', sa.String(length=36), nullable=False),
    sa.Column('listing_id', sa.String(length=36), nullable=False),
    sa.Column('purpose', sa.String(length=8), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['reminder_id'], ['reminder.id'], name=op.f('fk_reminder_token_reminder_id_reminder'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_reminder_token_token_hash'))
    )
    with op.batch_alter_table('reminder_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_token_listing_id'), ['listing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_token_reminder_id'), ['reminder_id'], unique=False)


def downgrade() -> None:
    op.drop_table('reminder_token')
    op.drop_table('reminder')
    op.drop_table('listing_keeper')

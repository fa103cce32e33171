"""Alembic environment of the laptop database: always handed an open connection by desktop.store.migrate."""

from alembic import context

from desktop.store.migrate import include_name
from desktop.store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    include_name=include_name,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

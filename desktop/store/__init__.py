"""The local database: SQLAlchemy models, the SQLCipher engine, key slots, migrations and read queries."""

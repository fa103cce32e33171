"""Pure rules of grassroots dispute work: no Qt, no SQLAlchemy, no I/O beyond reading reference data."""

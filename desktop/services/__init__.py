"""Use cases: one function per thing a user does, each one transaction that writes its audit and outbox
entries."""

"""Qt widgets, item models and dialogs. They talk to desktop.services only, always through the DB worker."""

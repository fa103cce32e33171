"""The core both ends share: the rules of the work (`domain/`), every synced record declared once
(`records.py`), the wire messages (`protocol.py`) and the offline bundle format (`bundle.py`).

It imports neither Qt, nor the laptop's store, services or window, nor the server: the laptop (`desktop/` and
the sync client) and the township server (`sync/server/`) each depend on it and never on each other."""

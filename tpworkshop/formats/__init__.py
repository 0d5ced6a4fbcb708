"""Files a session is written to and read from (the TOML exchange format, reports)."""

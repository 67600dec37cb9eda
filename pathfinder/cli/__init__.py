"""The command-line interface: parses flags, calls the library, renders. Nothing else lives here."""

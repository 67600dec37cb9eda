"""Message catalogues, one module per language. Keys are dotted: ``area.what``."""

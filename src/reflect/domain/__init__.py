"""Frozen dataclasses and pure rules. No Qt, no SQL: everything here is testable in isolation."""

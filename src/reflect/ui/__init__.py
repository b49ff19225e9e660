"""Everything that touches Qt: views (layout), controllers (behaviour), item models and dialogs."""

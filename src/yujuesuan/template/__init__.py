"""The preparer's workbook: `yjs template` writes it, `yjs render` reads it."""

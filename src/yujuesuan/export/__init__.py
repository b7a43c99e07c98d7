"""Writers for what `yjs parse` outputs: the model as JSON, long facts as CSV, tables as XLSX."""

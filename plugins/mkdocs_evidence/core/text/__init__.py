"""Text vocabulary shared by the claim finders and the figure matcher (no MkDocs, no I/O)."""

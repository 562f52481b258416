"""Sources: bibliography files (.bib, CSL-JSON), their records, formatting and in-text labels."""

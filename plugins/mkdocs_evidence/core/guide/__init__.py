"""Condition guides: the YAML schema, the generated pages, clinic settings, placeholders, review dates."""

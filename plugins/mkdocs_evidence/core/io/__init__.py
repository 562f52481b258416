"""Files and caches: atomic writes, data-only caches, YAML depth limits."""

"""Engine-agnostic core: nothing in this package imports MkDocs."""

"""Compatibility shim: the attribution finder lives in :mod:`.claims.attribution`."""

from __future__ import annotations

from .claims.attribution import NAMED, VAGUE, Attribution, find_attributions

__all__ = ["NAMED", "VAGUE", "Attribution", "find_attributions"]

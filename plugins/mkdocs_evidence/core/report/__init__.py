"""Outputs and editorial workflow: the editor report, SARIF, fix lines, waivers, `check --since`."""

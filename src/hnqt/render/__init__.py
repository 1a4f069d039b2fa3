"""Renderers: turn query results and problems into text, JSON, CSV, tables and reports."""

"""Renderers: turn query results and problems into text, JSON, CSV, tables and reports.

A renderer returns text (tables, JSON, CSV, Markdown) or bytes (a .docx, a .xlsx); the CLI
prints either (`cli.options.emit`), and a file is written by `writing.write_file`."""

Rendered = str | bytes

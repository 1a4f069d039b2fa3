"""The values users choose among on the command line, as `Literal` types: Typer lists them in
help pages and refuses others, mypy checks every use, and the queries and renderers that act
on them are typed with the same names. Nothing heavy is imported here: the CLI needs these
when it starts."""

from __future__ import annotations

from typing import Literal

RoleChoice = Literal["lead", "support", "all"]
ListKind = Literal["tasks", "reports", "plans", "agreements", "partners", "units"]
DueFormat = Literal["table", "json", "csv", "ics"]
ShowFormat = Literal["text", "json"]
ListFormat = Literal["table", "json", "csv"]
StatsFormat = Literal["table", "json"]
ValidateFormat = Literal["text", "json", "github"]
DiffFormat = Literal["text", "json", "md"]
NewKind = Literal["task", "plan", "agreement", "partner"]

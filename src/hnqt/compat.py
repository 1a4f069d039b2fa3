"""The private APIs hnqt leans on, in one place, each with its reason and a fallback where one
exists. Upgrading Typer or ruamel.yaml starts here (README: the suite against the newest Typer).

- `_blake2.blake2b`: what `hashlib.blake2b` wraps; importing `hashlib` loads OpenSSL (~5 ms at
  every start). Fallback: `hashlib.blake2b`, on a Python built without the module.
- `typer._click`: the click that Typer (≥ 0.26) vendors and does not re-export; hnqt's help pages
  and usage errors subclass its `Context`/`HelpFormatter` and catch `NoArgsIsHelpError`. No
  fallback: Typer is pinned below the next minor version (pyproject.toml). Loaded on first use,
  so the registry's modules (which need only `blake2b`) do not start Typer.
- `_ruamel_yaml.CParser`: libyaml's parser from ruamel.yaml.clib, used directly because the `YAML`
  facade builds a new loader class for every file (ruamel.yaml.cyaml re-exports it undeclared).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without _blake2
    from hashlib import blake2b

if TYPE_CHECKING:
    from typer._click.core import Context as Context
    from typer._click.exceptions import ClickException as ClickException
    from typer._click.exceptions import NoArgsIsHelpError as NoArgsIsHelpError
    from typer._click.formatting import HelpFormatter as HelpFormatter

__all__ = [
    "ClickException",
    "Context",
    "HelpFormatter",
    "NoArgsIsHelpError",
    "blake2b",
    "yaml_parser",
]

_CLICK = {
    "ClickException": "typer._click.exceptions",
    "Context": "typer._click.core",
    "HelpFormatter": "typer._click.formatting",
    "NoArgsIsHelpError": "typer._click.exceptions",
}


def __getattr__(name: str) -> Any:
    if name in _CLICK:
        return getattr(importlib.import_module(_CLICK[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def yaml_parser(text: str) -> Any:
    """libyaml's parser over a text (call `check_event`/`get_event`, then `dispose`)."""
    from _ruamel_yaml import CParser

    return CParser(text)

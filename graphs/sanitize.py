"""Turning graph attributes into values every export format can hold.

The rules, applied to each node and edge attribute:

* ``None`` is left out (GraphML and GEXF have no null; absence means unknown);
* lists, tuples and sets become one string, items joined with ``"; "``;
* dicts become JSON text;
* ``bool``, ``int``, ``float`` and ``str`` stay as they are;
* any other value becomes ``str(value)``;
* text loses every character XML 1.0 forbids (control characters such as
  ESC abort Gephi's whole import).
"""
from __future__ import annotations

import json
import re
from typing import Any

LIST_SEPARATOR = "; "
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry removed."""
    return _XML_ILLEGAL.sub("", text)


def export_value(value: Any) -> bool | int | float | str | None:
    """One attribute value as a GraphML/GEXF-safe scalar, or None to leave it out."""
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return xml_text(LIST_SEPARATOR.join(str(item) for item in items))
    if isinstance(value, dict):
        return xml_text(json.dumps(value, sort_keys=True, ensure_ascii=False))
    return xml_text(str(value))


def export_attributes(data: dict[str, Any]) -> dict[str, bool | int | float | str]:
    """All attributes of one node or edge, converted; names are cleaned too."""
    out = {}
    for name, value in data.items():
        converted = export_value(value)
        if converted is not None:
            out[xml_text(str(name))] = converted
    return out

"""Dateline over HTTP: a JSON API and an analyst's page over one store (`dateline serve`).

`app.py` assembles the application; `api.py` answers JSON and `pages.py` HTML, both
through the filters of `filters.py` and the SELECTs of `store/queries.py` and
`store/corpus.py`; `highlight.py` cuts an
article into marked runs; `guard.py` caps bodies in size and time, sets security headers
and answers errors; `server.py` runs it under uvicorn with bounds on slow and idle
connections.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]

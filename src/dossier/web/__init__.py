"""web: the FastAPI app of `dossier serve`, a JSON API under /api/ and server-rendered pages.

It holds no logic: every route asks `analyse/` or the store for records and renders them (JSON
through the records' own types, HTML through `render/html.py`'s templates)."""

from dossier.web.app import create_app, serve

__all__ = ["create_app", "serve"]

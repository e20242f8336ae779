"""The application `dateline serve` runs: the JSON API, the pages and their assets."""
from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import SettingsError
from ..settings import DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_BODY, Settings
from . import api, guard, pages
from .backend import Backend
from ..store.queries import FilterError

HERE = Path(__file__).parent
# Leaflet, the world's outlines and Swagger UI come from the npm registry (`make install`
# runs `npm ci` here); the app serves them itself, so the page needs no network
VENDOR = HERE / "assets" / "node_modules"
VENDORED = {
    "leaflet": "leaflet/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
    "swagger-ui": "swagger-ui-dist",
}

log = logging.getLogger("dateline.web")


def vendor_missing() -> list[str]:
    return [name for name, folder in VENDORED.items() if not (VENDOR / folder).is_dir()]


def create_app(db: str | Path, *, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               settings: Settings | None = None, hosts: list[str] | None = None,
               body_timeout: float = DEFAULT_BODY_TIMEOUT) -> guard.Secured:
    """The application over one store (an ASGI app; `.app` is the FastAPI inside). Writes
    are possible only when `token` is given; `hosts` lists the Host names it answers to
    (None: any), which keeps a web page from reaching a local server by DNS rebinding; a
    request's body must arrive within `body_timeout` seconds."""
    if max_body < 1:
        raise SettingsError(f"the largest body must be at least 1 byte, not {max_body}")
    if not 0 < body_timeout < float("inf"):
        raise SettingsError(f"the body's time must be a number of seconds above 0, not {body_timeout}")
    backend = Backend(db, token=token, settings=settings)
    app = FastAPI(title="Dateline", version=__version__, docs_url=None, redoc_url=None, max_body_size=max_body,
                  description="Who said what, what happened, how many, where and when: the layers of the "
                              "articles in one Dateline store, each item pointing to its sentence.")
    app.state.backend = backend
    app.state.max_body = max_body
    app.state.templates = pages.environment()
    missing = vendor_missing()
    app.state.templates.globals["map_assets"] = not missing
    if missing:
        log.warning("front-end assets missing (%s): the map and /docs are off; run `make install` to fetch them",
                    ", ".join(missing))

    if hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.add_exception_handler(HTTPException, guard.on_http_error)
    app.add_exception_handler(RequestValidationError, guard.on_invalid)
    app.add_exception_handler(FilterError, guard.on_filter_error)
    app.add_exception_handler(Exception, guard.on_unexpected)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for name, folder in VENDORED.items():
        if (VENDOR / folder).is_dir():
            app.mount(f"/vendor/{name}", StaticFiles(directory=VENDOR / folder), name=f"vendor-{name}")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if "swagger-ui" in missing:
            raise HTTPException(404, "Swagger UI is not installed (run `make install`); the API's description "
                                     "is at /openapi.json")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Dateline API",
                                   swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    app.include_router(api.router)
    app.include_router(pages.router)
    return guard.Secured(app, max_body, body_timeout)

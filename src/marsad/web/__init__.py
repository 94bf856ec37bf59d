"""The local web app and JSON API over the store: read-only, loopback by default (`marsad serve`).

`app.create_app(db, token)` builds the FastAPI application; `bind.serve` runs it with uvicorn. Importing this
package needs nothing beyond the core install; its modules need the `web` extra (fastapi, uvicorn).
"""

"""The web app: server-rendered pages (Vietnamese UI) and the JSON REST API.

Handlers never hold SQL: they get the store through `deps` and call services.
`create_app` in `kehoach.web.app` builds the application.
"""

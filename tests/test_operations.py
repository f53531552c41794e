"""Running in production: /healthz, JSON logs, the gunicorn configuration, sessions with Redis."""

import json
import logging
import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings

from odd17 import health
from odd17.jsonlog import JsonFormatter
from tests.processes import run_django

pytestmark = pytest.mark.django_db


def test_healthz_says_database_and_cache_are_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert "Set-Cookie" not in response and "Vary" not in response  # no session touched


def test_healthz_is_ok_with_the_cache_switched_off(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # CACHE=none
    assert client.get("/healthz").json() == {"database": "ok", "cache": "ok"}


def test_healthz_answers_probes_by_address_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["odd17.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.12:8000")
    assert response.status_code == 200  # neither a 400 for the host nor a redirect to https
    assert client.get("/", HTTP_HOST="10.0.0.12:8000").status_code == 400  # the rest still checks


def test_healthz_reports_a_database_failure_with_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("base injoignable")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "erreur : ConnectionError", "cache": "ok"}


def test_healthz_reports_a_cache_failure_with_503(client, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)  # written, never read back
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "erreur : RuntimeError"}


def test_healthz_really_queries_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get("/healthz")


def record(name="odd17", message="Ressource %s publiée", args=("x",), **extra):
    entry = logging.LogRecord(name, logging.INFO, __file__, 1, message, args, None)
    entry.__dict__.update(extra)
    return entry


def test_json_logs_are_one_object_per_line():
    line = JsonFormatter().format(record())
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "INFO" and entry["logger"] == "odd17"
    assert entry["message"] == "Ressource x publiée"
    assert entry["time"].endswith("+00:00")


def test_json_logs_keep_the_traceback_and_the_request_fields():
    try:
        raise ValueError("boum")
    except ValueError:
        failed = record(exc_info=sys.exc_info(), status_code=500)
    entry = json.loads(JsonFormatter().format(failed))
    assert "ValueError: boum" in entry["exception"] and entry["status"] == 500
    atoms = {"h": "10.0.0.1", "m": "GET", "U": "/recherche/", "q": "q=odd", "s": 200, "B": 512, "M": 12}
    access = record("gunicorn.access", "%(h)s %(m)s", ())
    access.args = atoms
    entry = json.loads(JsonFormatter().format(access))
    assert entry["method"] == "GET" and entry["path"] == "/recherche/" and entry["status"] == 200
    assert entry["duration_ms"] == 12 and entry["message"] == "10.0.0.1 GET"


def settings_with(env, expression):
    """The value of `expression` (over `settings`) with this environment, in a new process."""
    return run_django(f"from django.conf import settings; print({expression})", env)


def test_production_settings_log_json_to_standard_output():
    handler = settings_with({"DEBUG": "0", "SECRET_KEY": "x" * 50}, "settings.LOGGING['handlers']['console']")
    assert "'formatter': 'json'" in handler and "ext://sys.stdout" in handler


def test_gunicorn_configuration_reads_the_environment(monkeypatch):
    monkeypatch.setenv("BIND", "127.0.0.1:9000")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("DEBUG", "0")
    config = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:9000" and config["workers"] == 3
    assert config["accesslog"] == "-" and config["timeout"] == 30
    assert config["logconfig_dict"]["formatters"]["json"]["()"] == "odd17.jsonlog.JsonFormatter"
    monkeypatch.delenv("BIND")
    monkeypatch.delenv("WEB_CONCURRENCY")
    monkeypatch.setenv("PORT", "5000")
    monkeypatch.setenv("DEBUG", "1")
    config = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    assert config["bind"] == "0.0.0.0:5000" and config["workers"] >= 3
    assert "logconfig_dict" not in config  # plain text while developing


def test_redis_brings_the_shared_cache_and_cached_sessions():
    expression = "(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, settings.AXES_HANDLER)"
    assert settings_with({"REDIS_URL": "redis://127.0.0.1:6379/0"}, expression) == str(
        (
            "django.core.cache.backends.redis.RedisCache",
            "django.contrib.sessions.backends.cached_db",
            "axes.handlers.cache.AxesCacheHandler",
        )
    )


def test_gunicorn_starts_with_this_configuration_and_logs_json(tmp_path):
    """A real server from gunicorn.conf.py: /healthz answers and each request is a JSON line."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "odd17.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'vide.sqlite3'}",  # /healthz needs no table
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
    server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    assert json.loads(response.read()) == {"database": "ok", "cache": "ok"}
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn ne répond pas")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    entries = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert any(e["logger"] == "gunicorn.access" and e.get("path") == "/healthz" for e in entries), output

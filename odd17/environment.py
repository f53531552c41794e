"""Reading the environment, shared by the settings and gunicorn.conf.py (no Django import here)."""

import os


def env_bool(name, default=False):
    return os.environ.get(name, str(int(default))).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def log_format():
    """LOG_FORMAT if set, else plain text while developing (DEBUG on) and JSON lines in production."""
    return os.environ.get("LOG_FORMAT", "plain" if env_bool("DEBUG", default=True) else "json")

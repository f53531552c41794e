"""JSON lines for production logs: one object per record, on standard output (see LOGGING).

Fields: time (ISO 8601, UTC), level, logger, message, the exception's traceback if any, and for
gunicorn's access log the request's fields (method, path, status, bytes, duration_ms…).
"""

import json
import logging
from datetime import UTC, datetime

# gunicorn access-log atoms worth a field of their own.
ACCESS_FIELDS = {
    "h": "remote",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "a": "user_agent",
    "{x-request-id}i": "request_id",
}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            for atom, name in ACCESS_FIELDS.items():
                try:
                    value = record.args[atom]  # gunicorn's atoms answer header lookups this way only
                except KeyError:
                    continue
                if value not in (None, "-", ""):
                    entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        status = getattr(record, "status_code", None)  # django.request and django.server records
        if status is not None:
            entry["status"] = status
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(log_format, level, loggers=None):
    """A dictConfig sending every record to standard output, as JSON lines or plain text."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "odd17.jsonlog.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json" if log_format == "json" else "plain",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": loggers or {},
    }

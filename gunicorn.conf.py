"""gunicorn configuration of the portal (read from the working directory, or `gunicorn -c`).

Every value comes from the environment, with production defaults:
  BIND (or PORT)          address to listen on; default 0.0.0.0:8000
  WEB_CONCURRENCY         worker processes; default 2 × CPUs + 1
  GUNICORN_THREADS        threads per worker; default 1
  GUNICORN_TIMEOUT        seconds before a silent worker is killed and replaced; default 30
  FORWARDED_ALLOW_IPS     addresses of the load balancers whose X-Forwarded-* are trusted
  LOG_FORMAT              json (default unless DEBUG=1) or plain; logs go to standard output
"""

import multiprocessing
import os

from odd17.environment import log_format
from odd17.jsonlog import logging_config

wsgi_app = "odd17.wsgi:application"
bind = os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30  # a restart lets requests in progress finish
keepalive = 5  # a little longer than nothing: the load balancer reuses its connections
max_requests = 2000  # recycle workers now and then, jittered so they do not restart together
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"  # standard output
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'

if log_format() == "json":
    # gunicorn's own logs as JSON lines too, with the same configuration as Django's.
    logconfig_dict = logging_config(
        "json",
        "INFO",
        loggers={
            "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    )

"""Python run in a new process, with the portal's settings read from a given environment: for what
is read once at start-up (the settings themselves, the files WhiteNoise serves)."""

import subprocess
import sys

from django.conf import settings


def run_django(code, env):
    """The last line that `code` prints, run after django.setup() with this environment only."""
    env = {**env, "DJANGO_SETTINGS_MODULE": "odd17.settings", "PATH": "/usr/bin"}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()[-1]  # what comes before is the start-up log

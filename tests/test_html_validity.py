"""Every page type is valid HTML according to the Nu Html Checker (the W3C validator, npm `vnu-jar`).

The pages are fetched from the live test server, then checked in one run of the validator.
Without Java or the jar the test is skipped with how to install them, except in CI (CI=true).
"""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from tests.browser.pages import page_types

VNU_JAR = os.environ.get("VNU_JAR", str(settings.BASE_DIR / "node_modules/vnu-jar/build/dist/vnu.jar"))
INSTALL_HINT = (
    "Validateur HTML absent : installez Java (« sudo apt-get install default-jre-headless ») "
    "et le validateur (« npm ci --ignore-scripts »)."
)

pytestmark = [pytest.mark.html, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def validator():
    java = shutil.which("java")
    if java and os.path.isfile(VNU_JAR):
        return [java, "-Xss1m", "-jar", VNU_JAR]
    if os.environ.get("CI"):
        pytest.fail(INSTALL_HINT)
    pytest.skip(INSTALL_HINT)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page type too
        return error.read()


def test_every_page_type_is_valid_html(site, tmp_path):
    command = validator()
    files = {}
    for name, path in page_types().items():
        files[name] = tmp_path / f"{name.replace(':', '-')}.html"
        files[name].write_bytes(fetch(site + path))
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr

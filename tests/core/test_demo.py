"""seed_demo creates realistic synthetic volume, repeatably and without slug clashes."""

import pytest
from django.core.management import CommandError, call_command

from odd17.core.demo import DEMO_SOURCE
from odd17.core.models import Resource

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_tagged_published_resources_twice():
    real = Resource.objects.published().count()
    call_command("seed_demo", resources=40)
    call_command("seed_demo", resources=40)
    demo = Resource.objects.filter(source=DEMO_SOURCE)
    assert demo.count() == 80
    assert Resource.objects.published().count() == real + 80
    assert not demo.filter(rubriques=None).exists()
    assert not demo.filter(profiles=None).exists()
    assert not demo.filter(territories=None).exists()


def test_seed_demo_asks_for_a_volume():
    with pytest.raises(CommandError, match="Précisez au moins un volume"):
        call_command("seed_demo")

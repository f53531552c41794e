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


def test_synthetic_texts_are_written_from_the_real_ones():
    real = Resource.objects.exclude(source=DEMO_SOURCE)
    summaries, titles = set(real.values_list("summary", flat=True)), set(real.values_list("title", flat=True))
    call_command("seed_demo", resources=30)
    demo = list(Resource.objects.filter(source=DEMO_SOURCE))
    assert all(resource.summary in summaries for resource in demo)
    assert all(resource.title.rsplit(" (", 1)[0] in titles for resource in demo)
    # Words are spread as in the real content: a common one is in some resources, not in all.
    with_word = [
        resource for resource in demo if "territoire" in f"{resource.summary} {resource.body}".lower()
    ]
    assert 0 < len(with_word) < len(demo)
    assert len({len(resource.body) for resource in demo}) > 10


def test_seed_demo_needs_the_real_content_as_its_model():
    Resource.objects.all().delete()
    with pytest.raises(CommandError, match="Chargez d'abord le contenu réel"):
        call_command("seed_demo", resources=5)

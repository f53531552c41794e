"""Synthetic data for tests that need more rows than the real content has."""

import factory

from odd17.core.models import Kind, Resource


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ressource de test {n}")
    slug = factory.Sequence(lambda n: f"ressource-de-test-{n}")
    summary = "Une ressource créée pour les tests."
    kind = factory.LazyFunction(lambda: Kind.objects.get(slug="guide"))
    status = Resource.Status.PUBLISHED

    @factory.post_generation
    def tagged(self, create, extracted, **kwargs):
        """Tag the resource like the real ones: pass tagged={"profiles": [...], "rubriques": [...]}."""
        for name, values in (extracted or {}).items():
            getattr(self, name).set(values)

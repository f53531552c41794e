from django.apps import AppConfig


class PortalAppConfig(AppConfig):
    """An app whose models public pages show: any change of them retires the cached pages and counts."""

    def ready(self):
        from . import freshness

        freshness.watch(self.get_models())


class CoreConfig(AppConfig):
    default = True  # the config Django picks for this module (PortalAppConfig is for the other apps)
    name = "odd17.core"
    label = "core"
    verbose_name = "Contenus partagés"

    def ready(self):
        from django.db.models.signals import post_migrate
        from taggit.models import Tag, TaggedItem

        from . import facet_index, freshness
        from .models.vocabularies import Vocabulary

        # The facet index first: receivers run in the order connected, and the cache versions
        # below must move once the keys are right, not before.
        facet_index.watch()
        # Cache invalidation: cached option lists, counts and pages derive from these. Vocabulary
        # rows are also the options of the filters.
        vocabularies = [model for model in self.get_models() if issubclass(model, Vocabulary)]
        others = [model for model in self.get_models() if model not in vocabularies]
        freshness.watch([*others, TaggedItem])
        freshness.watch([*vocabularies, Tag], scope=freshness.VOCABULARY)
        post_migrate.connect(facet_index.fill_missing, sender=self, dispatch_uid="facet-index-fill")

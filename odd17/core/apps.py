from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class CoreConfig(AppConfig):
    name = "odd17.core"
    label = "core"
    verbose_name = "Contenus partagés"

    def ready(self):
        from taggit.models import Tag, TaggedItem

        from . import freshness
        from .models import Domain, Goal, Kind, Organisation, Profile, Resource, Rubrique, Target, Territory

        # Cache invalidation only (no business logic): cached option lists and counts derive from these.
        vocabularies = (Tag, Domain, Goal, Kind, Organisation, Profile, Rubrique, Target, Territory)
        for model in (Resource, TaggedItem, *vocabularies):
            receiver = freshness.bump_vocabulary if model in vocabularies else freshness.bump
            for signal in (post_save, post_delete):
                uid = f"freshness-{model.__name__}-{signal is post_save}"
                signal.connect(receiver, sender=model, dispatch_uid=uid)
        for relation in ("producers", "profiles", "domains", "territories", "goals", "targets", "rubriques"):
            sender = getattr(Resource, relation).through
            m2m_changed.connect(freshness.bump, sender=sender, dispatch_uid=f"freshness-{relation}")

from . import registry


class CoreConfig(registry.PortalAppConfig):
    name = "odd17.core"
    label = "core"
    verbose_name = "Contenus partagés"
    public_models = (
        "Profile",
        "Domain",
        "Territory",
        "Goal",
        "Target",
        "Kind",
        "Rubrique",
        "Organisation",
        "Metier",
        "Resource",
        "taggit.Tag",
        "taggit.TaggedItem",
    )
    content_files = (
        ("profiles.json", "Profile"),
        ("domains.json", "Domain"),
        ("goals.json", "Goal"),
        ("targets.json", "Target"),
        ("territories.json", "Territory"),
        ("kinds.json", "Kind"),
        ("rubriques.json", "Rubrique"),
        ("metiers.json", "Metier"),
        ("organisations*.json", "Organisation"),
        ("resources*.json", "Resource"),
    )
    demo_generators = {
        "resources": ("odd17.core.demo.create_demo_resources", "Nombre de ressources synthétiques à créer.")
    }

    def ready(self):
        super().ready()
        from django.db.models.signals import post_migrate

        from . import changes, history

        history.connect()

        def install_triggers(using="default", **kwargs):
            changes.install(registry.public_models(), using=using)

        self.install_triggers = install_triggers  # kept referenced: signals hold receivers weakly
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="content-version-triggers")

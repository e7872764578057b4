from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    label = "notify"
    verbose_name = "Notifications"

    def ready(self):
        from . import receivers  # noqa: F401

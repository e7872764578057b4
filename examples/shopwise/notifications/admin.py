from django.contrib import admin

from .models import EmailTemplate, Notification, NotificationPreference


class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "channel", "subject", "created_at", "read_at")
    list_filter = ("channel",)
    search_fields = ("recipient__email", "subject")


admin.site.register(EmailTemplate)
admin.site.register(Notification, NotificationAdmin)
admin.site.register(NotificationPreference)

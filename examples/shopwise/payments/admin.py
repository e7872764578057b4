from django.contrib import admin

from .models import Payment, PaymentMethod, Refund, WebhookEvent


class PaymentAdmin(admin.ModelAdmin):
    list_display = ("id", "order", "amount", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("gateway_reference", "order__reference")
    raw_id_fields = ("order",)


@admin.register(Refund, WebhookEvent)
class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(Payment, PaymentAdmin)
admin.site.register(PaymentMethod)

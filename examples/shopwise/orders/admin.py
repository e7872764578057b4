from django.contrib import admin

from .models import Order, OrderLine, OrderStatusChange, PendingOrder


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 0
    readonly_fields = ("sku", "description", "quantity", "unit_price")


class StatusHistoryInline(admin.TabularInline):
    model = OrderStatusChange
    extra = 0
    readonly_fields = ("from_status", "to_status", "changed_at")


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    inlines = [OrderLineInline, StatusHistoryInline]
    list_display = ("reference", "customer", "status", "total", "created_at")
    list_filter = ("status", "created_at")
    search_fields = ("reference", "customer__email")
    date_hierarchy = "created_at"


class PendingOrderAdmin(OrderAdmin):
    actions = ["cancel_selected"]

    @admin.action(description="Cancel selected orders")
    def cancel_selected(self, request, queryset):
        from .services import cancel_order

        for order in queryset:
            cancel_order(order, reason="admin")


admin.site.register(PendingOrder, PendingOrderAdmin)

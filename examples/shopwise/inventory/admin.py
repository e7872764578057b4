from django.contrib import admin

from .models import StockItem, StockMovement, StockReservation, Warehouse


class StockMovementInline(admin.TabularInline):
    model = StockMovement
    extra = 0
    readonly_fields = ("delta", "reason", "reference", "created_at")


@admin.register(StockItem)
class StockItemAdmin(admin.ModelAdmin):
    inlines = [StockMovementInline]
    list_display = ("variant", "warehouse", "on_hand", "reserved")
    list_select_related = ("variant", "warehouse")
    search_fields = ("variant__sku",)


class ReservationAdmin(admin.ModelAdmin):
    list_display = ("order_reference", "stock_item", "quantity", "expires_at", "released")
    list_filter = ("released",)


admin.site.register(Warehouse)
admin.site.register(StockReservation, ReservationAdmin)

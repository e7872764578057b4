from django.contrib import admin

from .models import Carrier, Shipment, ShipmentItem, ShippingRate, TrackingEvent


class ShipmentItemInline(admin.TabularInline):
    model = ShipmentItem
    extra = 0


class TrackingEventInline(admin.TabularInline):
    model = TrackingEvent
    extra = 0


class ShipmentAdmin(admin.ModelAdmin):
    inlines = [ShipmentItemInline, TrackingEventInline]
    list_display = ("order", "carrier", "tracking_number", "status")
    list_filter = ("status", "carrier")


admin.site.register(Carrier)
admin.site.register(ShippingRate)
admin.site.register(Shipment, ShipmentAdmin)

from django.contrib import admin

from .models import CheckoutSession, Coupon, CouponRedemption


class CouponAdmin(admin.ModelAdmin):
    list_display = ("code", "percent_off", "valid_until", "max_uses")
    search_fields = ("code",)


class CheckoutSessionAdmin(admin.ModelAdmin):
    list_display = ("id", "email", "status", "created_at")
    list_filter = ("status",)


admin.site.register(Coupon, CouponAdmin)
admin.site.register(CouponRedemption)
admin.site.register(CheckoutSession, CheckoutSessionAdmin)

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Address, CustomerProfile, LoginEvent, User


class AddressInline(admin.TabularInline):
    model = Address
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [AddressInline]
    list_display = ("email", "first_name", "last_name", "is_staff", "date_joined")
    ordering = ("email",)
    search_fields = ("email", "first_name", "last_name")
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Shopwise", {"fields": ("phone", "marketing_opt_in")}),
    )


class LoginEventAdmin(admin.ModelAdmin):
    list_display = ("user", "ip_address", "created_at")
    list_filter = ("created_at",)
    readonly_fields = ("user", "ip_address", "user_agent", "created_at")


admin.site.register(CustomerProfile)
admin.site.register(LoginEvent, LoginEventAdmin)

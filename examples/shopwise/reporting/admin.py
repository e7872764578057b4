from django.contrib import admin

from .models import CustomerCohort, DailySalesSnapshot, ProductPerformance, ReportExport


@admin.register(DailySalesSnapshot)
class DailySalesSnapshotAdmin(admin.ModelAdmin):
    list_display = ("day", "orders_count", "gross_revenue", "refunds_total")
    date_hierarchy = "day"


@admin.register(ProductPerformance, ReportExport)
class AnalyticsReadOnlyAdmin(admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(CustomerCohort)

from django.contrib import admin

from .models import (
    Brand,
    Category,
    Collection,
    CollectionItem,
    DigitalProduct,
    Product,
    ProductVariant,
    Review,
    Tag,
)


@admin.register(Category, Brand, Tag)
class NamedEntityAdmin(admin.ModelAdmin):
    search_fields = ("name",)


class ProductVariantInline(admin.TabularInline):
    model = ProductVariant
    extra = 1


class ProductAdmin(admin.ModelAdmin):
    inlines = [ProductVariantInline]
    list_display = ("title", "category", "brand", "is_published")
    list_filter = ("is_published", "category")
    prepopulated_fields = {"slug": ("title",)}
    search_fields = ("title", "variants__sku")


class CollectionItemInline(admin.TabularInline):
    model = CollectionItem
    extra = 0


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    inlines = [CollectionItemInline]


admin.site.register(Product, ProductAdmin)
admin.site.register(DigitalProduct)
admin.site.register(Review)

from rest_framework import serializers

from .models import Category, Product, ProductVariant, Review


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["id", "name", "slug", "parent"]


class ProductVariantSerializer(serializers.ModelSerializer):
    available = serializers.SerializerMethodField()

    class Meta:
        model = ProductVariant
        fields = ["id", "sku", "name", "price", "available"]

    def get_available(self, variant):
        # Lazy import: inventory.models imports catalog.models.
        from inventory.services import available_quantity

        return available_quantity(variant)


class ProductSerializer(serializers.ModelSerializer):
    variants = ProductVariantSerializer(many=True, read_only=True)
    category = serializers.SlugRelatedField(slug_field="slug", queryset=Category.objects.all())

    class Meta:
        model = Product
        fields = ["id", "title", "slug", "description", "category", "brand", "variants"]


class ReviewSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.display_name", read_only=True)

    class Meta:
        model = Review
        fields = ["id", "rating", "body", "author", "created_at"]

from django.views.generic import DetailView, ListView
from rest_framework import viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from django.shortcuts import get_object_or_404

from core.pagination import StandardResultsPagination
from core.permissions import IsStaffOrReadOnly

from . import services
from .models import Category, Product, Review
from .serializers import CategorySerializer, ProductSerializer, ReviewSerializer


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [IsStaffOrReadOnly]
    pagination_class = StandardResultsPagination
    lookup_field = "slug"

    def get_queryset(self):
        if self.request.user.is_staff:
            return Product.objects.alive()
        return services.search_products(self.request.query_params.get("q"))


class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Category.objects.all()
    serializer_class = CategorySerializer
    permission_classes = [AllowAny]


class ProductListView(ListView):
    """Server-rendered storefront listing used for SEO landing pages."""

    template_name = "catalog/product_list.html"
    paginate_by = 24

    def get_queryset(self):
        return services.in_stock(Product.objects.filter(is_published=True, deleted_at__isnull=True))


class ProductDetailView(DetailView):
    model = Product
    template_name = "catalog/product_detail.html"
    slug_field = "slug"


@api_view(["GET"])
@permission_classes([AllowAny])
def product_reviews(request, slug):
    product = get_object_or_404(Product, slug=slug, is_published=True)
    reviews = Review.objects.filter(product=product, is_approved=True)
    return Response(ReviewSerializer(reviews, many=True).data)

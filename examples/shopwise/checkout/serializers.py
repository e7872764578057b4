from rest_framework import serializers

from common.validators import *  # noqa: F401,F403

from .models import CheckoutSession


class StartCheckoutSerializer(serializers.Serializer):
    email = serializers.EmailField()
    address_id = serializers.IntegerField(required=False)


class CouponSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20, validators=[validate_coupon_code])  # noqa: F405


class CheckoutSessionSerializer(serializers.ModelSerializer):
    coupon = serializers.CharField(source="coupon.code", default=None, read_only=True)

    class Meta:
        model = CheckoutSession
        fields = ["id", "email", "shipping_address", "coupon", "status"]

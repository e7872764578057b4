"""Field validators shared across apps."""
import re

from django.core.exceptions import ValidationError

__all__ = ["validate_sku", "validate_postcode", "validate_positive", "validate_coupon_code"]

SKU_RE = re.compile(r"^[A-Z0-9]{3,12}(-[A-Z0-9]{1,8})*$")
POSTCODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9 \-]{2,9}$", re.IGNORECASE)


def validate_sku(value):
    if not SKU_RE.match(value or ""):
        raise ValidationError("%(value)s is not a valid SKU", params={"value": value})


def validate_postcode(value):
    if not POSTCODE_RE.match(value or ""):
        raise ValidationError("Enter a valid postcode.")


def validate_positive(value):
    if value is None or value <= 0:
        raise ValidationError("Value must be greater than zero.")


def validate_coupon_code(value):
    if not value.isalnum() or len(value) > 20:
        raise ValidationError("Coupon codes are up to 20 letters or digits.")

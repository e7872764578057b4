"""Decimal money helpers. Amounts are Decimals rounded half-up to cents."""
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


class MoneyField(models.DecimalField):
    """DecimalField with the precision every price column in Shopwise uses."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("default", ZERO)
        super().__init__(*args, **kwargs)


def quantize(amount):
    """Round any number-like value to two decimal places."""
    return Decimal(str(amount)).quantize(CENT, rounding=ROUND_HALF_UP)


def to_minor_units(amount):
    """Convert 12.34 to 1234, as payment gateways expect."""
    return int(quantize(amount) * 100)


def from_minor_units(value):
    return quantize(Decimal(value) / 100)


def apply_percentage(amount, percent):
    """Return ``amount`` reduced by ``percent`` (0-100), never below zero."""
    discounted = quantize(amount) * (Decimal(100) - Decimal(percent)) / 100
    return max(quantize(discounted), ZERO)


def format_money(amount, currency=None):
    currency = currency or settings.DEFAULT_CURRENCY
    return f"{quantize(amount):,} {currency}"

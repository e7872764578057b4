"""Thin wrapper around the card gateway SDK."""
from django.conf import settings

from core.money import to_minor_units

try:
    import stripe
except ImportError:  # local development without the SDK
    stripe = None


class GatewayError(Exception):
    pass


def _client():
    if stripe is None:
        raise GatewayError("Payment SDK is not installed")
    stripe.api_key = settings.PAYMENT_GATEWAY_KEY
    return stripe


def create_intent(amount, currency, reference):
    intent = _client().PaymentIntent.create(
        amount=to_minor_units(amount), currency=currency.lower(), metadata={"order": reference}
    )
    return intent["id"], intent["client_secret"]


def refund(gateway_reference, amount):
    return _client().Refund.create(payment_intent=gateway_reference, amount=to_minor_units(amount))

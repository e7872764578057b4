"""Small helpers used by services in several apps."""
import secrets
import string
from itertools import islice

REFERENCE_ALPHABET = string.ascii_uppercase + string.digits


def generate_reference(prefix, length=8):
    """Human-friendly reference such as ``ORD-7GQ2K9XA``."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(length))
    return f"{prefix}-{body}"


def chunked(iterable, size):
    """Yield lists of at most ``size`` items."""
    iterator = iter(iterable)
    while True:
        batch = list(islice(iterator, size))
        if not batch:
            return
        yield batch


def client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR")


def sum_amounts(amounts):
    """Sum a sequence of amounts with money rounding."""
    from core.money import ZERO, quantize  # lazy: core.utils imports this module

    return quantize(sum(amounts, ZERO))

"""Domain events broadcast across apps without direct imports.

Senders pass the model class as ``sender`` and the instance as ``order``.
"""
from django.dispatch import Signal

# Sent by orders.services once an order and its lines are committed.
order_placed = Signal()

# Sent by orders.services when an order is cancelled before shipping.
order_cancelled = Signal()

"""Checkout: turns an active cart into an order and a payment."""

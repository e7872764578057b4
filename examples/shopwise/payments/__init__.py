"""Payments: intents, captures, refunds and gateway webhooks."""

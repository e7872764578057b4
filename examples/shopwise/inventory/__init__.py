"""Inventory: stock levels per warehouse and reservations."""

"""Notifications: e-mail, SMS and in-app messages to customers and staff."""

"""Identity: users, addresses and customer profiles."""

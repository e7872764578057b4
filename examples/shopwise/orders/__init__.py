"""Orders: the system of record for what customers bought."""

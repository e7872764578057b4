"""Environment-specific settings modules live in this package."""

"""Catalog: products, variants, categories and merchandising."""

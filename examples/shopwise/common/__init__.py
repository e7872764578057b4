"""Cross-cutting helpers, validators and domain events."""

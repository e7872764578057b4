"""Shared kernel: abstract models, money maths and API plumbing."""

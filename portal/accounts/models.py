"""Accounts keep no tables of their own yet; roles are Django groups (see roles.py)."""

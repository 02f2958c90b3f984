"""The default Word templates (package data; see README and CONTRIBUTING)."""

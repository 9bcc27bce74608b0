"""Command-line tooling behind tasks.py: building, checking and creating content."""

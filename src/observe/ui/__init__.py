"""The desktop GUI (PySide6). The only package that imports Qt; the core runs without it."""

"""Sync in the desktop app: the Sync menu, the status bar label, sign-in and conflicts.

The Sync menu and what the main window needs of sync are in :mod:`observe.ui.sync.menu`; the
controller, sign-in, conflicts and status label have modules of their own.
"""

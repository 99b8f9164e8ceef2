"""Coaching screens: cycles, the coaching log, look-for frameworks and the impact view.

The Coaching menu and the windows it opens are in :mod:`observe.ui.coaching.menu`; each screen
has a module of its own.
"""

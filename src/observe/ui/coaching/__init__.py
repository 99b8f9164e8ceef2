"""Coaching screens: cycles, the coaching log, look-for frameworks and the impact view."""

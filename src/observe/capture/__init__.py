"""Capturing what happens in a classroom: visits, evidence, participation."""

"""The school's people and places: schools, teachers and their classes.

The rules for what a valid teacher, class or school is, the writes that add, edit, import and
remove them, and the reads the screens list them with. Capture and coaching refer to these
records; this package decides what they may look like.

- :mod:`.teachers`: validating and saving one teacher or class (the New/Edit dialogs).
- :mod:`.schools`: a school's name and time zone.
- :mod:`.csv_import`: a roster CSV, previewed then imported all or nothing.
- :mod:`.removal`: deleting a teacher or class that was never observed.
- :mod:`.tree`: teachers with their classes, and the schools, for the Teachers list.
"""

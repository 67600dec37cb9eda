"""LHÉO training-offer feeds: reading them safely (:mod:`.feed`) and their values (:mod:`.values`).

The catalog sync built on them (``pathfinder catalog sync-lheo``, issue 16) is the next step.
"""

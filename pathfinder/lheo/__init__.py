"""LHÉO training-offer feeds and the catalog's sync with them (``pathfinder catalog sync-lheo``,
docs/lheo-sync.md): reading a feed safely (:mod:`.feed`) and its values (:mod:`.values`); its
places as sites (:mod:`.places`); the comparison with the linked courses (:mod:`.sync`), its
review (:mod:`.report`) and its write into the YAML files (:mod:`.apply`); one sync from start to
end (:mod:`.run`: :func:`~pathfinder.lheo.run.sync_feed`).
"""

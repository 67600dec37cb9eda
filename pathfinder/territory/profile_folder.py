"""Read a folder of saved profiles (the files ``advise --save-profile`` writes): every
``*.yaml`` file in it, one person each, named by the file's name. People with the same profile
(as far as a basin reads it: :data:`.group_fields.GROUP_FIELDS`) form one group."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import Catalog
from ..profile import Profile, field_positions
from ..yamlsource import MAPPING, parse_file
from .basin import Basin, grouped
from .basin_file import GROUPS_MAX
from .group_fields import GROUP_FIELDS, checked_profile
from .problems import problem


def read_profile_folder(
    folder: Path, catalog: Catalog, shown: str | None = None
) -> Basin | list[Diagnostic]:
    path = shown or str(folder)
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    except OSError as error:
        from ..yamlsource import unreadable_path

        return [unreadable_path(path, error, directory=True)]
    if len(files) > GROUPS_MAX:
        return [problem("PB103", "basin.too_many_people", path, 1, 1, high=GROUPS_MAX)]
    if not files:
        return [problem("PB102", "basin.empty_folder", path, 1, 1)]
    found: list[Diagnostic] = []
    people: dict[Profile, list[str]] = {}
    for file in files:
        shown_file = str(Path(path) / file.name)
        parsed = parse_file(file, shown_file)
        errors = [d for d in parsed.diagnostics if d.is_error]
        if errors:
            found.extend(errors)
            continue
        root = parsed.root
        data = {} if root is None else root.to_python()
        if not isinstance(data, dict) or (root is not None and root.kind != MAPPING):
            found.append(problem("PB103", "basin.profile_not_mapping", shown_file, 1, 1))
            continue
        # The fields a basin does not read (lang, targets, sectors, optimize) are left aside.
        kept = {k: v for k, v in data.items() if k in GROUP_FIELDS}
        positions = {
            name: where
            for name, where in field_positions(root).items()
            if name.split(".")[0] in GROUP_FIELDS
        }
        profile = checked_profile(kept, positions, catalog, shown_file, (1, 1))
        if isinstance(profile, Diagnostic):
            found.append(profile)
            continue
        people.setdefault(profile, []).append(file.stem)
    if found:
        return found
    return Basin(folder.name or path, grouped(people), source=path)

"""Write a sync's changes into the catalog's YAML files, keeping everything else as it was.

The files are edited with ruamel.yaml's round-trip mode, not re-dumped: comments, key order,
quoting, flow or block style and line breaks of everything the sync does not change come back
byte for byte (PyYAML would drop every comment and re-flow every entry). Each updated course's
lines go through the round trip alone and replace the old ones, so the rest of the file is not
even parsed again by ruamel.yaml; only its changed fields change (a field the course did not
have is inserted where the catalog format lists it). New sites are appended after the catalog's
last site. A file laid out so that an entry cannot be cut out alone is edited whole.

Nothing is written before the whole result has been linted: the new texts are written to a
private temporary copy of the catalog, linted there (:func:`pathfinder.lint.linter.lint`), and
only when that finds no error are the changed files replaced, each atomically
(:func:`pathfinder.atomic.write_atomic`). Otherwise :class:`SyncRefusedError` carries the
diagnostics and no file is touched.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import PathfinderError, SyncRefusedError
from ..model import Catalog
from ..safetext import clip
from ..schema import FIELDS
from .places import NewSite
from .sync import CourseUpdate, SyncResult

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

COURSE_KEYS: tuple[str, ...] = tuple(f.name for f in FIELDS["courses"])
"""The course fields in the catalog format's order: where an inserted field goes."""
BOM = b"\xef\xbb\xbf"
"""A UTF-8 byte-order mark: read past, and written back where it was."""
WIDTH = 1 << 16
"""Lines are never folded on output (a long flow mapping stays on its line)."""


@dataclass(frozen=True)
class Targets:
    """Where a sync's changes go: the file of each updated course, the file that gets the new
    sites, and the catalog's languages (a new site is named in each). Made from the catalog by
    :func:`targets`, so that the catalog itself need not be kept while the files are edited."""

    course_files: Mapping[str, str]
    sites_file: str | None
    languages: tuple[str, ...]


def targets(catalog: Catalog, result: SyncResult) -> Targets:
    """The targets of ``result`` in ``catalog``: new sites go to the file of the catalog's first
    site, else to the file of its metadata."""
    course_files = {}
    for update in result.updated:
        location = catalog.courses[update.course].location
        if location is None:  # pragma: no cover - every loaded entry has one
            raise ValueError(f"course {update.course} has no location")
        course_files[update.course] = location.path
    sites_file = None
    if result.new_sites:
        first = next(iter(catalog.sites.values()), None)
        holder = first.location if first is not None else catalog.info.location
        sites_file = holder.path if holder is not None else None
    return Targets(course_files, sites_file, catalog.info.languages)


def edited_texts(files: Mapping[str, str], where: Targets, result: SyncResult) -> dict[str, str]:
    """The new text of each catalog file the sync changes. ``files``: the catalog's files to
    edit (or all of them), its path as the catalog's locations name it -> its text."""
    by_file: dict[str, list[CourseUpdate]] = {}
    for update in result.updated:
        by_file.setdefault(where.course_files[update.course], []).append(update)
    sites_file = where.sites_file if result.new_sites else None
    out: dict[str, str] = {}
    for path in sorted(set(by_file) | ({sites_file} if sites_file else set())):
        updates = by_file.get(path, [])
        sites = result.new_sites if path == sites_file else ()
        text = _edited(files[path], path, updates, sites, where.languages)
        if text != files[path]:
            out[path] = text
    return out


def _edited(
    text: str,
    path: str,
    updates: list[CourseUpdate],
    sites: tuple[NewSite, ...],
    languages: tuple[str, ...],
) -> str:
    """``text`` with ``updates`` and ``sites`` applied. Raises :class:`PathfinderError` when
    ruamel.yaml cannot edit the file (a construct it does not round-trip)."""
    from ruamel.yaml.error import YAMLError

    try:
        by_entry = _edited_by_entry(text, path, updates, sites, languages)
    except YAMLError:  # an entry that cannot stand alone (an alias to another one's anchor…)
        by_entry = None
    if by_entry is not None:
        return by_entry
    try:
        return _edited_whole(text, updates, sites, languages)
    except YAMLError as error:
        reason = clip(" ".join(str(error).split()), 200)
        raise PathfinderError("sync.cannot_edit", path=path, reason=reason) from None


def _edited_by_entry(
    text: str,
    path: str,
    updates: list[CourseUpdate],
    sites: tuple[NewSite, ...],
    languages: tuple[str, ...],
) -> str | None:
    """Each updated course edited alone: its lines, under a ``courses:`` key, go through the
    round trip and replace the old ones (a large file costs what its changed entries cost). New
    sites go after the last site the same way. None for a file laid out otherwise (entries in a
    flow list, a dash alone on its line), which is edited whole."""
    from ..yamlsource import parse_text

    lines = text.splitlines(keepends=True)
    crlf = bool(lines) and lines[0].endswith("\r\n")
    root = parse_text(text, path).root
    spans = {section: _entry_spans(root, section, lines) for section in ("courses", "sites")}
    wanted = [u.course for u in updates]
    if any(course not in (spans["courses"] or {}) for course in wanted) or (
        sites and not spans["sites"]
    ):
        return None
    yaml = _yaml_for(text)
    replaced: list[tuple[int, int, str]] = []
    for update in updates:
        first, last = spans["courses"][update.course]  # type: ignore[index]
        snippet = "".join(lines[first : last + 1]).replace("\r\n", "\n")
        replaced.append(
            (
                first,
                last,
                _round_trip(yaml, "courses", snippet, partial(_update_course, update=update)),
            )
        )
    if sites and spans["sites"]:
        first, last = list(spans["sites"].values())[-1]
        snippet = "".join(lines[first : last + 1]).replace("\r\n", "\n")
        edit = _round_trip(yaml, "sites", snippet, lambda seq: _add_sites(seq, sites, languages))
        replaced.append((first, last, edit))
    for first, last, new in sorted(replaced, reverse=True):
        lines[first : last + 1] = [new.replace("\n", "\r\n") if crlf else new]
    return "".join(lines)


def _entry_spans(root: Any, section: str, lines: list[str]) -> dict[str, tuple[int, int]] | None:
    """The entries of a top-level block list, by id: the 0-based first and last line of each
    (from its dash to the end of its last value; the comments and blank lines after it are not
    part of it). None when the file has no such list; an entry whose span cannot be told (a flow
    list, a dash alone on its line) is left out."""
    from ..yamlsource import MAPPING, SCALAR, SEQUENCE

    if root is None or root.kind != MAPPING:
        return None
    listed = next((value for key, value in root.value if key.value == section), None)
    if listed is None or listed.kind != SEQUENCE:
        return None
    spans: dict[str, tuple[int, int]] = {}
    for item in listed.value:
        if item.kind != MAPPING or not item.value:
            continue
        entry_id = next((v.value for k, v in item.value if k.value == "id"), None)
        before = lines[item.line - 1][: item.column - 1]
        if not isinstance(entry_id, str) or before.strip() != "-":
            continue
        last = item
        while last.kind in (MAPPING, SEQUENCE) and last.value and _is_block_node(last, lines):
            last = last.value[-1][1] if last.kind == MAPPING else last.value[-1]
        if last.kind == SCALAR and not last.value and last.end_line == last.line:
            end_line = last.line  # an empty value: the line of its key
        else:
            end_line = last.end_line if last.end_column > 1 else last.end_line - 1
        spans[entry_id] = (item.line - 1, end_line - 1)
    return spans


def _is_block_node(node: Any, lines: list[str]) -> bool:
    """True for a block mapping or list (whose end is where the next thing starts), False for a
    flow one (``{…}``, ``[…]``: its end is its closing bracket)."""
    return lines[node.line - 1][node.column - 1 : node.column] not in ("{", "[")


def _round_trip(yaml: Any, section: str, snippet: str, edit: Any) -> str:
    """``snippet`` (entries of the top-level list ``section``, as written) after ``edit`` (a
    function of the list, ruamel.yaml round-trip data), as text."""
    document = yaml.load(f"{section}:\n{snippet}")
    edit(document[section])
    stream = io.StringIO()
    yaml.dump(document, stream)
    text = stream.getvalue()
    head = f"{section}:\n"
    if not text.startswith(head):  # pragma: no cover - the document is that one key
        raise ValueError(f"unexpected round trip of {section}")
    return text[len(head) :]


def _edited_whole(
    text: str, updates: list[CourseUpdate], sites: tuple[NewSite, ...], languages: tuple[str, ...]
) -> str:
    yaml = _yaml_for(text)
    document = yaml.load(text.replace("\r\n", "\n"))
    for update in updates:
        _update_course(document.get("courses") or [], update)
    if sites:
        if document.get("sites") is None:
            from ruamel.yaml.comments import CommentedSeq

            document["sites"] = CommentedSeq()
        _add_sites(document["sites"], sites, languages)
    stream = io.StringIO()
    yaml.dump(document, stream)
    out = stream.getvalue()
    return out.replace("\n", "\r\n") if "\r\n" in text else out


def write(
    root: Path, files: Mapping[str, Path], where: Targets | Catalog, result: SyncResult
) -> tuple[str, ...]:
    """Apply ``result`` to the catalog at ``root``, whose files are ``files`` (path as the
    catalog names it -> the file on disk); ``where``: the catalog, or its :class:`Targets`.
    Returns the paths written. Raises :class:`SyncRefusedError` (nothing written) when the
    catalog would have errors."""
    from ..atomic import PUBLIC, check_writable, write_atomic
    from ..yamlsource import read_file

    if isinstance(where, Catalog):
        where = targets(where, result)
    needed = set(where.course_files.values())
    if result.new_sites and where.sites_file is not None:
        needed.add(where.sites_file)
    texts: dict[str, str] = {}
    marked: set[str] = set()
    for shown, path in files.items():
        if shown not in needed:
            continue  # only the files to edit are read here; the lint reads the others
        data = read_file(path, shown)
        if not isinstance(data, bytes):
            raise SyncRefusedError((data,))
        if data.startswith(BOM):
            marked.add(shown)
        texts[shown] = data.decode("utf-8-sig")
    edited = edited_texts(texts, where, result)
    if not edited:
        return ()
    for shown in edited:  # every file writable before any is written: all or none refused
        check_writable(files[shown])
    errors = _lint_errors(root, files, edited)
    if errors:
        raise SyncRefusedError(errors)
    for shown, text in edited.items():
        write_atomic(files[shown], ("\ufeff" if shown in marked else "") + text, PUBLIC)
    return tuple(edited)


def _lint_errors(
    root: Path, files: Mapping[str, Path], edited: Mapping[str, str]
) -> tuple[Diagnostic, ...]:
    """The errors a lint finds in the catalog with the edited texts, on a private copy, with
    the catalog's own paths in them."""
    from ..lint.linter import lint

    base = root if root.is_dir() else root.parent
    with tempfile.TemporaryDirectory(prefix="pathfinder-sync-") as temp:
        copy = Path(temp) / "catalog"
        shown_of: dict[str, str] = {}
        for number, (shown, path) in enumerate(files.items()):
            try:
                target = copy / path.relative_to(base)
            except ValueError:  # pragma: no cover - discover() lists files below the root
                target = copy / f"file-{number}{path.suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            if shown in edited:
                target.write_text(edited[shown], encoding="utf-8")
            else:
                shutil.copyfile(path, target)
            shown_of[str(target)] = shown
        report = lint(copy if root.is_dir() else copy / root.name, use_cache=False)
    return tuple(
        replace(d, path=shown_of.get(d.path, d.path)) for d in report.diagnostics if d.is_error
    )


def _yaml_for(text: str) -> Any:
    """A round-trip YAML that writes lists as ``text`` does (see :func:`_list_indent`)."""
    from ruamel.yaml import YAML

    sequence, offset = _list_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=max(sequence - offset, 1), sequence=sequence, offset=offset)
    return yaml


def _list_indent(text: str) -> tuple[int, int]:
    """How ``text`` indents a block list under a key, as ruamel.yaml counts it: the column of
    an item's content and of its dash, both from the key's column (``courses:`` then
    ``  - id: …``: 4 and 2). Read from the first such list; (2, 0) when there is none."""
    key_indent: int | None = None
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if stripped.startswith("- ") and key_indent is not None and indent >= key_indent:
            content = indent + 2 + len(stripped[2:]) - len(stripped[2:].lstrip(" "))
            return content - key_indent, indent - key_indent
        key_indent = indent if stripped.rstrip().endswith(":") else None
    return 2, 0


def _update_course(courses: Any, update: CourseUpdate) -> None:
    entry: Any = next(
        item for item in courses if isinstance(item, dict) and item.get("id") == update.course
    )
    for change in update.changes:
        value = _node(change.to_write, entry.get(change.field), change.field)
        if change.field in entry:
            following = (
                _take_following(entry, change.field) if _is_block(entry[change.field]) else None
            )
            entry[change.field] = value
            if following is not None:
                _put_following(entry, change.field, following)
        else:
            position = _position(entry, change.field)
            last = list(entry)[-1] if position == len(entry) else None
            following = _take_following(entry, last) if last is not None else None
            entry.insert(position, change.field, value)
            if following is not None:
                _put_following(entry, change.field, following)


def _tail_slot(container: Any, key: Any) -> tuple[list[Any], int]:
    """Where ruamel.yaml keeps the comment after ``container[key]``'s last line: on the value's
    last item when the value is a block collection (recursively), else on the key itself."""
    value: Any = container[key]
    if _is_block(value) and len(value):
        last = len(value) - 1 if isinstance(value, list) else list(value)[-1]
        if _is_block(value[last]) and len(value[last]):
            return _tail_slot(value, last)
        if isinstance(value, list):
            items: dict[Any, list[Any]] = value.ca.items  # type: ignore[attr-defined]
            return items.setdefault(last, [None, None, None, None]), 0
        return _tail_slot(value, last)
    return container.ca.items.setdefault(key, [None, None, None, None]), 2


def _is_block(value: Any) -> bool:
    return isinstance(value, (list, dict)) and hasattr(value, "fa") and not value.fa.flow_style()


def _take_following(container: Any, key: Any) -> Any:
    """The comment token holding the lines after ``container[key]`` that ruamel.yaml attached to
    it (blank lines and the comments that introduce the next entry), taken away from it; None when
    there are none. The comment at the end of the value's own last line is not among them: it
    stays on a key whose value is a scalar or a flow collection, and goes with a block value
    (which is being replaced)."""
    import copy

    on_key = not _is_block(container[key])
    if on_key:
        slots, index = container.ca.items.get(key), 2
        if slots is None:
            return None
    else:
        slots, index = _tail_slot(container, key)
    token = slots[index]
    if token is None or "\n" not in token.value:
        return None
    eol, rest = token.value.split("\n", 1)
    if not rest:
        return None
    following = copy.copy(token)
    following.value = "\n" + rest
    if on_key and eol:
        token.value = eol + "\n"
    else:
        slots[index] = None
    return following


def _put_following(container: Any, key: Any, following: Any) -> None:
    """Attach the ``following`` token after the new value of ``container[key]``."""
    slots, index = _tail_slot(container, key)
    token = slots[index]
    if token is None:
        slots[index] = following
    else:
        eol = token.value.split("\n", 1)[0]
        token.value = eol + following.value


def _position(entry: Any, name: str) -> int:
    """Where a new field goes: after the last field the format lists before it."""
    before = COURSE_KEYS[: COURSE_KEYS.index(name)]
    keys = list(entry)
    return max((keys.index(key) + 1 for key in before if key in entry), default=len(keys))


def _node(value: Any, old: Any, name: str) -> Any:
    """``value`` as ruamel.yaml round-trip data in the style of ``old`` (the value it replaces):
    lists and mappings keep their flow or block style; new lists are flow-style, except the
    sessions, a block list of one flow mapping per session, as the bundled catalog writes them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(value, list):
        return value
    seq = CommentedSeq()
    for item in value:
        if isinstance(item, dict):
            mapping = CommentedMap()
            for key, data in item.items():
                mapping[key] = data
            old_items = list(old) if isinstance(old, list) else []
            flow = (
                old_items[0].fa.flow_style() if old_items and hasattr(old_items[0], "fa") else True
            )
            if flow:
                mapping.fa.set_flow_style()
            else:
                mapping.fa.set_block_style()
            seq.append(mapping)
        else:
            seq.append(item)
    flow_list = old.fa.flow_style() if hasattr(old, "fa") else name != "sessions"
    if flow_list:
        seq.fa.set_flow_style()
    else:
        seq.fa.set_block_style()
    return seq


def _add_sites(listed: Any, sites: tuple[NewSite, ...], languages: tuple[str, ...]) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    for site in sites:
        name = CommentedMap((lang, site.name) for lang in languages)
        name.fa.set_flow_style()
        sources = CommentedSeq([site.source])
        sources.fa.set_flow_style()
        entry = CommentedMap(
            [
                ("id", site.id),
                ("name", name),
                ("region", site.region),
                ("lat", site.lat),
                ("lon", site.lon),
                ("sources", sources),
            ]
        )
        listed.append(entry)

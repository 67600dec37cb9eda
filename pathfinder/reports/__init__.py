"""Plans and explorations as documents: JSON (``plan_json``), Markdown (``plan_markdown``), and the
bilingual wording they share (``wording``). No terminal code here: the CLI renders text itself."""

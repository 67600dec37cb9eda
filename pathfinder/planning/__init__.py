"""The planner's parts: the person's context (:mod:`.context`: usable courses, sites, what they
pay), the compiled search problem, the exact search, alternatives, scheduling, and why no path
exists (:mod:`.why_not`). The public entry point is :mod:`pathfinder.planner`."""

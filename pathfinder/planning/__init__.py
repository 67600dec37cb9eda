"""The planner's parts: course usability, the compiled search problem, the exact search,
alternatives, scheduling and explanations. The public entry point is :mod:`pathfinder.planner`."""

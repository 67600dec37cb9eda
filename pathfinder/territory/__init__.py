"""Basin planning (``pathfinder territory``): many people, many openings, limited seats.

from pathfinder.territory import load_basin, plan_territory
"""

from .basin import Basin, Group, Horizon, Opening
from .planner import OBJECTIVES, default_openings, plan_territory
from .result import Flow, SeatDemand, Stranded, TerritoryResult, Totals, Unfilled

__all__ = [
    "OBJECTIVES",
    "Basin",
    "Flow",
    "Group",
    "Horizon",
    "Opening",
    "SeatDemand",
    "Stranded",
    "TerritoryResult",
    "Totals",
    "Unfilled",
    "default_openings",
    "plan_territory",
]

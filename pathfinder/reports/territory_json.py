"""A basin plan as JSON-ready data, in the shape documented for ``territory --format json``
(docs/territory.md). Keys of the documented shape are never renamed; extra keys may be added."""

from __future__ import annotations

from typing import Any

from ..model import Catalog
from ..planning.results import Blocker
from ..territory.result import Flow, TerritoryResult
from .plan_json import blocker_data, catalog_data, num
from .territory_wording import relaxation_line, stranded_reason_text, unfilled_reason_text


def flow_data(flow: Flow) -> dict[str, Any]:
    route = flow.route
    return {
        "group": flow.group,
        "job": flow.job,
        "site": flow.site,
        "count": flow.count,
        "courses": [{"id": c.course, "site": c.site} for c in route.courses],
        "hours": num(route.hours),
        "weeks": num(route.weeks),
        "cost_eur": num(route.cost_eur),
        "pays_eur": num(route.pays_eur),
        "paid_by": {payer: num(amount) for payer, amount in route.paid_by},
        "references": list(flow.references),
    }


def territory_to_json(
    result: TerritoryResult, catalog: Catalog, lang: str | None = None
) -> dict[str, Any]:
    totals = result.totals
    described: dict[int, list[dict[str, Any]]] = {}  # stranded groups share their blockers

    def blocker_rows(blockers: tuple[Blocker, ...]) -> list[dict[str, Any]]:
        if id(blockers) not in described:
            described[id(blockers)] = [row for b in blockers for row in blocker_data(b, lang)]
        return described[id(blockers)]

    return {
        "basin": result.basin,
        "optimize": result.objective,
        "catalog": catalog_data(catalog),
        "capacity": result.capacity,
        "proven": result.proven,
        "people": result.people,
        "openings": result.openings,
        "placed": result.placed,
        "placed_without_limits": result.placed_without_limits,
        "horizon": {"from": result.horizon[0], "to": result.horizon[1]},
        "total": {
            "hours": num(totals.hours),
            "weeks": num(totals.weeks),
            "cost_eur": num(totals.cost_eur),
            "pays_eur": num(totals.pays_eur),
            "courses": totals.courses,
            "paid_by": {payer: num(amount) for payer, amount in totals.funders},
        },
        "flows": [flow_data(flow) for flow in result.flows],
        "stranded": [
            {
                "group": item.group,
                "count": item.count,
                "reason": stranded_reason_text(item, lang),
                "reason_kind": item.reason,
                "target": item.target,
                "blockers": blocker_rows(item.blockers),
                "relaxation": relaxation_line(item, lang),
                "relaxation_change": None
                if item.relaxation is None
                else {"kind": item.relaxation.kind, "value": item.relaxation.value},
                "relaxation_places": item.relaxation_places,
                "relaxation_searched": item.relaxation_searched,
            }
            for item in result.stranded
        ],
        "unfilled": [
            {
                "job": item.job,
                "site": item.site,
                "count": item.count,
                "reason": unfilled_reason_text(item, lang),
                "reason_kind": item.reason,
            }
            for item in result.unfilled
        ],
        "seats": [
            {
                "course": line.course,
                "site": line.site,
                "needed": line.needed,
                "available": line.available,
                "to_add": line.to_add,
                "used": line.used,
            }
            for line in result.seats
        ],
    }

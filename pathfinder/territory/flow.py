"""A basin's assignment without seat limits, exactly, as a minimum-cost maximum flow (networkx).

Source → group (its size) → opening (through each choice: the group's best route to the
opening's job) → sink (the vacancies), and an overflow arc from the source straight to the sink
for the people not placed. The cost of a choice is ``cost × M + rank`` with ``M`` above any
summed rank, so the least cost is the least summed objective first, then the least summed rank
(the tie-break of :mod:`.assignment`); the overflow arc costs more than all the choices
together, so a least-cost flow sends everyone it can through the choices (else a path through
them, dearer than nothing, would make it cheaper): it is a maximum flow of least cost. One
network simplex (networkx) solves it; costs are whole numbers, so it is exact.
"""

from __future__ import annotations

from .assignment import Assignment, Problem, check, rank_of

SOURCE, SINK = ("source",), ("sink",)


def solve_flow(problem: Problem) -> Assignment:
    import networkx as nx

    if problem.slots:
        raise ValueError(
            "the flow ignores seats: a problem with seat slots needs the integer program"
        )
    if not problem.choices:
        return Assignment({}, True)
    people = sum(problem.group_sizes)
    ranks = [rank_of(problem, i) for i in range(len(problem.choices))]
    big = people * (max(ranks) + 1) + 1  # above any summed rank
    graph = nx.DiGraph()
    graph.add_node(SOURCE, demand=-people)
    graph.add_node(SINK, demand=people)
    for index, size in enumerate(problem.group_sizes):
        graph.add_edge(SOURCE, ("g", index), capacity=size, weight=0)
    for index, size in enumerate(problem.opening_sizes):
        graph.add_edge(("o", index), SINK, capacity=size, weight=0)
    for index, choice in enumerate(problem.choices):
        head = ("o", choice.opening)
        if graph.has_edge(("g", choice.group), head):  # one route per group and opening here
            raise ValueError("one choice per group and opening")
        graph.add_edge(
            ("g", choice.group),
            head,
            capacity=problem.group_sizes[choice.group],
            weight=choice.cost * big + ranks[index],
            index=index,
        )
    overflow = 1 + sum(weight for _, _, weight in graph.edges(data="weight"))
    graph.add_edge(SOURCE, SINK, capacity=people, weight=overflow)
    flows = nx.min_cost_flow(graph)
    counts = {}
    for tail, heads in flows.items():
        if tail[0] != "g":
            continue
        for head, amount in heads.items():
            if amount:
                counts[graph.edges[tail, head]["index"]] = int(amount)
    check(problem, counts)
    return Assignment(counts, True)

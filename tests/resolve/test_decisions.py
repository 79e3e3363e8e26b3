"""Analyst decisions over key groups (pure): merges and splits applied in the order they were made."""

from __future__ import annotations

import pytest

from newsgraph.model import Actor
from newsgraph.resolve.decisions import Decision, apply_decisions
from newsgraph.resolve.entities import ActorRecord, cluster
from newsgraph.resolve.names import resolve_key


def groups(found: list[set[str]]) -> set[frozenset[str]]:
    return {frozenset(g) for g in found}


def test_merge_joins_every_group_it_names_and_leaves_others() -> None:
    out = apply_decisions([{"a"}, {"b", "c"}, {"d"}], [Decision(1, "merge", frozenset({"a", "c"}))])
    assert groups(out) == {frozenset({"a", "b", "c"}), frozenset({"d"})}


def test_split_moves_its_keys_out_into_one_group() -> None:
    out = apply_decisions([{"a", "b", "c"}, {"d"}], [Decision(1, "split", frozenset({"b", "c"}))])
    assert groups(out) == {frozenset({"a"}), frozenset({"b", "c"}), frozenset({"d"})}


def test_later_decisions_win_whatever_order_they_are_given_in() -> None:
    merge = Decision(1, "merge", frozenset({"a", "b"}))
    split = Decision(2, "split", frozenset({"b"}))
    assert groups(apply_decisions([{"a"}, {"b"}], [split, merge])) == {frozenset({"a"}), frozenset({"b"})}
    merge_again = Decision(3, "merge", frozenset({"a", "b"}))
    assert groups(apply_decisions([{"a"}, {"b"}], [merge_again, split, merge])) == {frozenset({"a", "b"})}


def test_keys_not_stored_yet_wait() -> None:
    out = apply_decisions([{"a"}, {"b"}], [Decision(1, "merge", frozenset({"a", "zz"})),
                                           Decision(2, "split", frozenset({"yy"}))])
    assert groups(out) == {frozenset({"a"}), frozenset({"b"})}


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="merge or split"):
        Decision(1, "delete", frozenset({"a"}))


def rec(name: str, country: str) -> ActorRecord:
    return ActorRecord(key=resolve_key(Actor(name, name, "person", country)), name=name, kind="person",
                       country=country)


def test_cluster_applies_decisions_over_its_own_rules() -> None:
    """Two people of different countries never merge by the rules; an analyst's merge overrides
    that, and a split overrides the rules' own match."""
    north, south = rec("Kim Jong Un", "PRK"), rec("Kim Hong-kyun", "KOR")
    assert len(cluster([north, south])) == 2
    merged = cluster([north, south], decisions=[Decision(1, "merge", frozenset({north.key, south.key}))])
    assert [set(e.members) for e in merged] == [{north.key, south.key}]

    a, b = rec("Sadyr Japarov", "KGZ"), rec("Sadyr Zhaparov", "KGZ")
    assert len(cluster([a, b])) == 1
    apart = cluster([a, b], decisions=[Decision(1, "split", frozenset({b.key}))])
    assert sorted(e.name for e in apart) == ["Sadyr Japarov", "Sadyr Zhaparov"]

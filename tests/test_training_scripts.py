"""The training scripts' numerical core (``scripts/learning.py``): the sparse products gradient
descent runs on must give the dense products' sums."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

_spec = importlib.util.spec_from_file_location(
    "learning", Path(__file__).resolve().parent.parent / "scripts" / "learning.py")
assert _spec is not None and _spec.loader is not None
learning = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("learning", learning)  # its dataclasses look their module up there
_spec.loader.exec_module(learning)


@pytest.fixture
def matrix() -> np.ndarray:
    rng = np.random.default_rng(7)
    x = (rng.random((60, 40)) < 0.1) * rng.random((60, 40))
    x[3] = 0.0  # a row with no feature, and a feature no row has
    x[:, 5] = 0.0
    return x


def test_sparse_products_equal_the_dense_ones(matrix: np.ndarray) -> None:
    rng = np.random.default_rng(8)
    s = learning.Sparse(matrix)
    w, wc = rng.random(40), rng.random((40, 4))
    g, gc = rng.random(60), rng.random((60, 4))
    assert np.allclose(s.dot(w), matrix @ w)
    assert np.allclose(s.dot(wc), matrix @ wc)
    assert np.allclose(s.tdot(g), matrix.T @ g)
    assert np.allclose(s.tdot(gc), matrix.T @ gc)


def test_the_logistic_fit_separates_what_one_feature_decides(matrix: np.ndarray) -> None:
    x = np.c_[matrix, np.r_[np.ones(30), np.zeros(30)]]
    y = np.r_[np.ones(30), np.zeros(30)]
    w, b = learning.fit(x, y, l2=0.1, steps=500)
    p = 1 / (1 + np.exp(-(x @ w + b)))
    assert (p[:30] > 0.5).all() and (p[30:] < 0.5).all()
    assert w[-1] == max(w)

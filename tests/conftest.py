"""Shared fixtures: the sample corpus graph is built once per test session."""
from __future__ import annotations

import pytest

import kg


@pytest.fixture(scope="session")
def sample_papers() -> list[kg.Paper]:
    return list(kg.read_corpus(kg.sample_corpus_path()))


@pytest.fixture(scope="session")
def sample_graph(sample_papers) -> kg.KnowledgeGraph:
    return kg.build(sample_papers)


@pytest.fixture(scope="session")
def sample_build_dir(tmp_path_factory):
    """The output directory of ``kg build`` on the bundled corpus."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("kg-out")
    assert main(["build", "-o", str(out)]) == 0
    return out

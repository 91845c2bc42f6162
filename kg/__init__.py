"""kg: a knowledge graph of the architectures, methods, datasets, metrics,
tasks, code repositories and result claims named in paper abstracts.

The data flows ``corpus -> extraction records -> graph -> views/queries``:

>>> import kg
>>> papers = list(kg.read_corpus(kg.sample_corpus_path()))
>>> graph = kg.build(papers)
>>> frame = graph.papers(mentioning="ResNet-50")
>>> list(frame.columns)
['id', 'title', 'date', 'mentions', 'relation', 'evidence']
>>> len(frame) > 0
True
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.corpus import read_corpus, sample_corpus_path
from kg.errors import CorpusError, KgError
from kg.graph import KnowledgeGraph, UnknownNameError
from kg.schema import Claim, Entity, ExtractionRecord, Mention, Paper

__all__ = [
    "Claim",
    "CorpusError",
    "Entity",
    "ExtractionRecord",
    "KgError",
    "KnowledgeGraph",
    "Mention",
    "Paper",
    "UnknownNameError",
    "build",
    "extract",
    "from_tables",
    "load",
    "read_corpus",
    "sample_corpus_path",
]
__version__ = "0.1.0"


def extract(papers: Iterable[Paper], extractors: Iterable[str] | None = None) -> Iterable[ExtractionRecord]:
    """Run the extraction pipeline over papers, yielding one record per paper.

    ``extractors`` chooses the rule extractors, the trained NER model, or both
    (default: the rules).
    """
    from extractors.pipeline import extract_records

    return extract_records(papers, extractors=extractors)


def build(papers: Iterable[Paper], extractors: Iterable[str] | None = None) -> KnowledgeGraph:
    """Extract entities from papers and link them into a :class:`KnowledgeGraph`."""
    from kg.graph_builder import build_graph

    return KnowledgeGraph(build_graph(extract(papers, extractors)))


def from_tables(directory) -> KnowledgeGraph:
    """Assemble the graph from Parquet tables (``kg extract --parquet DIR``) without extracting."""
    from kg.graph_builder import build_graph
    from kg.tables import read_records

    return KnowledgeGraph(build_graph(read_records(directory)))


def load(path) -> KnowledgeGraph:
    """Reopen a built graph from a build directory (``kg-out``) or a saved ``graph.json``."""
    from kg.persist import load_graph

    return KnowledgeGraph(load_graph(path))

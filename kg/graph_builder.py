"""Graph building: extraction records in, one networkx MultiDiGraph out.

Nodes are papers and canonical entities; an entity named by many papers is
one node. Node ids are readable and stable (``paper:0165700be2``,
``architecture:resnet-50``, ``repo:github.com/owner/name``). Every node has
``kind`` and ``label``; entity nodes keep ``aliases`` (every surface form
seen), ``paper_count`` and, for variants, ``family``. Edges go from a paper to
each entity it names, with ``relation`` (``mentions``, ``proposes`` or
``has_code``), ``evidence`` (the first sentence naming it), ``weight`` (the
number of sentences naming it) and ``extractors``; a variant links to its
family with ``variant_of``. Edge keys are unique across the graph, so exports
can use them as edge ids.

Attributes are plain Python values (lists stay lists); exporters decide how
to write them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx

from extractors.normalize import name_key
from extractors.values import readable_value
from kg.schema import LABEL_TO_KIND, Claim, ExtractionRecord

RELATION_BY_LABEL = {"REPO": "has_code"}
#: Extractors whose hits are names a list or a URL gives: their label is known, not guessed from context.
_LISTED_EXTRACTORS = frozenset({"gazetteer", "url", "variant"})
#: Labels a name changes between by its role in a sentence (a paradigm used, or worked on); one node holds both.
_INTERCHANGEABLE = {"METHOD", "TASK"}
_INTERCHANGEABLE_KINDS = {LABEL_TO_KIND[label] for label in _INTERCHANGEABLE}


def slug(text: str) -> str:
    """The readable part of a node id: lower case, runs of spaces as one hyphen."""
    return re.sub(r"\s+", "-", text.strip().lower())


def paper_node_id(paper_id: str) -> str:
    return f"paper:{paper_id}"


class GraphBuilder:
    """Adds extraction records to a graph one at a time (so memory follows the graph, not the corpus)."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self._entity_ids: dict[tuple[str, str], str] = {}  # (label, name key) -> node id
        self._any_label: dict[str, str] = {}  # name key -> first node with that canonical key
        # A streamed corpus adds sources to a paper after it was yielded (a later file repeats it);
        # each paper's own ``sources`` list is kept until ``finish`` copies it onto the node.
        self._sources: dict[str, list[str]] = {}
        self._alias_ids: dict[tuple[str, str], str] = {}  # (label, key of a surface form) -> first node holding it
        # Speed (a 62,000-paper build adds 460,000 entity mentions): name keys are computed once per
        # distinct name (an unbounded dict: name_key's own LRU cache holds 65,536 names, a 62k graph far more,
        # and measured without this dict assembly took 2-3 CPU s longer, also with a 1M-entry LRU), and each entity node's attribute dict and the set of its aliases are kept at hand,
        # so the lists on the node (aliases, papers) are never searched.
        self._keys: dict[str, str] = {}
        self._node_data: dict[str, dict] = {}
        self._alias_sets: dict[str, set[str]] = {}
        self._succ, self._pred = self.graph._succ, self.graph._pred

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = name_key(name)
        return key

    def entity_node(
        self, label: str, canonical: str, long_forms: Iterable[str] = (), label_is_guess: bool = False
    ) -> str:
        """The node of an entity, created on first sight.

        Names meet on their key (case, hyphens, spaces and plurals ignored).
        An entity also joins a node one of whose long forms (names written
        with a space or a hyphen, "Vision-LSTM") it shares: one
        paper writes "Long Range Arena (LRA)", another only "Long Range
        Arena", and both mean one benchmark. Short forms alone never merge
        nodes ("MSA" is two different things in two papers). A label that
        was guessed from context (a coined name, an abbreviation, a context
        rule) yields to a node that already holds the name under another label,
        and a method and a task of one name ("continual learning", used in
        one paper and worked on in another) are one node, of the kind first seen.
        """
        key = self._key(canonical) or canonical.lower()
        node = self._entity_ids.get((label, key))
        if node is None:
            for form in long_forms:
                node = self._entity_ids.get((label, self._key(form)))
                if node is not None:
                    break
        if node is None and label_is_guess:
            # a name no list holds that another paper defined: "DCNN" where one paper wrote
            # "deep convolutional neural networks (DCNNs)", which the gazetteer calls CNN
            node = self._alias_ids.get((label, key)) or self._any_label.get(key)
        if node is None and label in _INTERCHANGEABLE:  # "continual learning": a method here, a task there
            other = self._any_label.get(key)
            if other is not None and self._node_data[other]["kind"] in _INTERCHANGEABLE_KINDS:
                node = other
        if node is not None:
            self._entity_ids.setdefault((label, key), node)
            for form in long_forms:
                self._entity_ids.setdefault((label, self._key(form)), node)
            return node
        kind = LABEL_TO_KIND[label]
        node = f"{kind.lower()}:{slug(canonical)}"
        if node in self.graph:  # two keys, one slug: keep both, distinctly
            node = f"{node}~{len(self._entity_ids)}"
        self._entity_ids[(label, key)] = node
        self._any_label.setdefault(key, node)
        for form in long_forms:
            self._entity_ids.setdefault((label, self._key(form)), node)
        self.graph.add_node(node, kind=kind, label=canonical, aliases=[], paper_count=0, papers=[])
        self._node_data[node] = self.graph.nodes[node]
        self._alias_sets[node] = set()
        return node

    def add(self, record: ExtractionRecord) -> None:
        paper = record.paper
        graph = self.graph
        pid = paper_node_id(paper.id)
        if pid in graph:
            return
        graph.add_node(
            pid,
            kind="Paper",
            label=paper.title,
            title=paper.title,
            abstract=paper.abstract,
            date=paper.date or "",
            year=paper.year,
            categories=list(paper.categories),
            url=paper.url or "",
            sources=list(paper.sources),
        )
        self._sources[pid] = paper.sources
        text = paper.text
        nodes_of_paper: dict[tuple[str, str], str] = {}
        keys, key_of, alias_ids = self._keys, self._key, self._alias_ids
        for entity in record.entities:
            label, aliases = entity.label, entity.aliases
            long_forms = [a for a in aliases if " " in a.strip() or "-" in a.strip(" -")]
            guessed = not any(m.extractor in _LISTED_EXTRACTORS for m in entity.mentions)
            node = self.entity_node(label, entity.canonical, long_forms, guessed)
            nodes_of_paper[(label, entity.canonical)] = node
            if entity.proposed:
                nodes_of_paper.setdefault(("PROPOSED", "PROPOSED"), node)
            data = self._node_data[node]
            known = self._alias_sets[node]
            node_aliases = data["aliases"]
            # only this paper appends to a node's papers during this call, so its id is in the list iff it is last
            papers = data["papers"]
            if papers and papers[-1] == paper.id:  # two entities of one paper met on one node
                for alias in aliases:
                    if alias not in known:
                        known.add(alias)
                        node_aliases.append(alias)
                continue
            for alias in aliases:
                if alias not in known:
                    known.add(alias)
                    node_aliases.append(alias)
                alias_ids.setdefault((label, keys.get(alias) or key_of(alias)), node)
            data["paper_count"] += 1
            papers.append(paper.id)
            relation = "proposes" if entity.proposed else RELATION_BY_LABEL.get(label, "mentions")
            sentences = {(m.sent_start, m.sent_end) for m in entity.mentions}
            first = min(sentences) if sentences else (0, 0)
            self._add_edge(pid, node, f"{pid}|{relation}|{node}", {
                "relation": relation,
                "evidence": text[first[0] : first[1]].strip(),
                "weight": max(1, len(sentences)),
                "surface_forms": list(aliases),
                "extractors": sorted({m.extractor for m in entity.mentions}),
            })
            if entity.family and key_of(entity.family) != key_of(entity.canonical):
                family = self.entity_node(label, entity.family)
                key = f"{node}|variant_of|{family}"
                if not graph.has_edge(node, family, key):
                    self._add_edge(node, family, key, {"relation": "variant_of", "weight": 1})
                    data["family"] = self._node_data[family]["label"]
        for number, claim in enumerate(record.claims):
            self._add_claim(pid, number, claim, nodes_of_paper)

    def _add_claim(self, pid: str, number: int, claim: Claim, nodes_of_paper: dict[tuple[str, str], str]) -> None:
        """A claim node (kind ``Claim``) and its edges: states, about, measures, on, compared_with.

        A claim about the paper's own unnamed method (subject ``PROPOSED``) is
        ``about`` the entity the paper proposes, or else the paper itself.
        """
        graph = self.graph
        node = f"claim:{pid.split(':', 1)[1]}:{number}"
        graph.add_node(
            node,
            kind="Claim",
            label=claim_label(claim),
            claim_kind=claim.kind,
            subject=claim.subject,
            metric=claim.metric,
            value=claim.value,
            number=claim.number,
            unit=claim.unit,
            dataset=claim.dataset,
            object=claim.object,
            direction=claim.direction,
            evidence=claim.evidence,
            paper=pid.split(":", 1)[1],
        )
        self._add_edge(pid, node, f"{node}|states", {"relation": "states", "weight": 1, "evidence": claim.evidence})

        def entity(name: str | None, labels: tuple[str, ...]) -> str | None:
            if not name:
                return None
            for label in labels:
                found = nodes_of_paper.get((label, name))
                if found is not None:
                    return found
            return None

        if claim.subject == "PROPOSED":
            subject = nodes_of_paper.get(("PROPOSED", "PROPOSED"), pid)
        else:
            subject = entity(claim.subject, ("ARCHITECTURE", "METHOD", "DATASET", "TASK"))
        targets = [
            ("about", subject),
            ("measures", entity(claim.metric, ("METRIC",))),
            ("on", entity(claim.dataset, ("DATASET",))),
            ("compared_with", entity(claim.object, ("ARCHITECTURE", "METHOD", "DATASET"))),
        ]
        for relation, target in targets:
            if target is not None:
                self._add_edge(node, target, f"{node}|{relation}", {"relation": relation, "weight": 1})

    def _add_edge(self, u: str, v: str, key: str, data: dict) -> None:
        """``graph.add_edge(u, v, key=key, **data)`` for two nodes that exist and a key not yet used.

        networkx's ``add_edge`` checks both nodes, copies the attributes into
        a new dict and clears the graph's cache at every call; a 62,000-paper
        build adds 650,000 edges, and this writes networkx's own adjacency
        structure (``_succ``/``_pred``, shared key dicts, as ``add_edge`` does)
        instead. ``finish`` clears the cache once.
        """
        keydict = self._succ[u].get(v)
        if keydict is None:
            keydict = self._succ[u][v] = self._pred[v][u] = {}
        keydict[key] = data

    def finish(self) -> nx.MultiDiGraph:
        """The finished graph, with every paper's sources as the whole corpus stream gave them."""
        for pid, sources in self._sources.items():
            self.graph.nodes[pid]["sources"] = list(sources)
        self._sources.clear()
        nx._clear_cache(self.graph)  # the edges went in by _add_edge
        return self.graph


def claim_label(claim: Claim) -> str:
    """A short readable line: "TNT: 81.5% top-1 accuracy on ImageNet", "UltraGCN better than LightGCN"."""
    subject = "the proposed method" if claim.subject == "PROPOSED" else (claim.subject or "?")
    if claim.kind == "sota":
        text = f"{subject}: state of the art"
        return text + (f" on {claim.dataset}" if claim.dataset else "")
    parts = [subject + ":"]
    if claim.value:
        parts.append(readable_value(claim.value))
    if claim.metric:
        parts.append(claim.metric)
    if claim.kind == "comparison":
        parts.append({"worse": "worse", "equal": "on par"}.get(claim.direction or "", "better"))
        if claim.object:
            parts.append(f"than {claim.object}")
    if claim.dataset:
        parts.append(f"on {claim.dataset}")
    return " ".join(parts)


def build_graph(records: Iterable[ExtractionRecord]) -> nx.MultiDiGraph:
    """The graph of a stream of extraction records."""
    builder = GraphBuilder()
    for record in records:
        builder.add(record)
    return builder.finish()

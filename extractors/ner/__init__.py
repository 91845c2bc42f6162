"""The statistical NER extractor: a small spaCy ``ner`` the project trains on its own rules' output.

Rules find the names they know; new papers bring names nobody has listed.
This package trains a compact named-entity recogniser on weak labels (the
rule extractor run over unlabelled arXiv abstracts) and ships it as package
data, so extraction never needs a network:

* :mod:`extractors.ner.weak_labels` turns unlabelled abstracts into training docs;
* :mod:`extractors.ner.train` regenerates those docs and trains the model from
  ``extractors/ner/config.cfg`` (``python -m extractors.ner.train``);
* :mod:`extractors.ner.component` runs the shipped model inside the kg
  pipeline and adds the spans the rules did not cover (``kg_ner``).
"""

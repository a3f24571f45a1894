"""Evaluation harness: score the extractor against annotated corpora (PolNeAR) and the seed gold."""

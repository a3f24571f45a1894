"""Actors stage: mentions -> actors within a document (`find_actors`) and across documents (`resolve`)."""

from kg.actors.corpus import resolve
from kg.actors.index import ActorIndex
from kg.actors.local import find_actors

__all__ = ["ActorIndex", "find_actors", "resolve"]

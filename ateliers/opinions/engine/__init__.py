"""Opinion-map engine (the Polis method). Pure numpy/scipy: no Django here."""

from .analysis import Analysis, analyse
from .continuity import MapState, adjusted_rand_index

__all__ = ["Analysis", "MapState", "adjusted_rand_index", "analyse"]

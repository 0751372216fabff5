"""Opinion-map engine (the Polis method). Pure numpy/scipy: no Django here."""

from .analysis import Analysis, analyse

__all__ = ["Analysis", "analyse"]

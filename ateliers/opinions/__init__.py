"""Opinion maps for the debate phase: the Polis method (see docs/opinions.md)."""

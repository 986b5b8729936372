"""Stage 1: read a source into its decoded text and a same-length matching view."""

from checks.read.decode import decode_bytes
from checks.read.source import Skipped, Source, collect_paths, read_source
from checks.read.view import matching_view

__all__ = ["Skipped", "Source", "collect_paths", "decode_bytes", "matching_view", "read_source"]

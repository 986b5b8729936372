"""Stage 6: reports for people (terminal, HTML) and for programs (JSON)."""

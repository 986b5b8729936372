"""figcheck: checks that the figures in Chinese-language industry reports add up."""

__version__ = "0.1.0"

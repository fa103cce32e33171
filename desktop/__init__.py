"""Fengqiao (枫桥): the desktop application that runs on a grid worker's or mediator's laptop."""

__version__ = "0.1.0"

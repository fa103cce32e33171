"""Words of a household visit: its purposes, stored in the source language whatever the window's language."""

from __future__ import annotations

PURPOSES = ("日常走访", "矛盾排查", "独居老人探访", "政策宣传", "回访", "信息核实")

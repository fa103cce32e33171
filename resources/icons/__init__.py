"""Part of the shipped resources (package data of fengqiao_resources)."""

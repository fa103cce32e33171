"""The shipped resources (translations, icons, reference data), installed as the package
fengqiao_resources."""

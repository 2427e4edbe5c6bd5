"""``evaluate``: score predicted spans against gold spans (nervaluate's four modes, per layer and type)."""

"""Rule-based detectors that propose ``suggested`` spans; see ``registry`` for the list."""

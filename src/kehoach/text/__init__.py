"""Vietnamese text: normalization, folding, numbers, OCR repair."""

from kehoach.text.normalize import clean, fold, nfc, unify_tone_marks

__all__ = ["clean", "fold", "nfc", "unify_tone_marks"]

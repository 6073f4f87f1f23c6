"""Printing: File → Export PDF, its print options, and the hand-over to the PDF worker process."""

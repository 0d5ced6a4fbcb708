"""Every message catalogue of the interface, one module per screen or widget.

Screens and widgets import their strings from here; none keeps a catalogue of its own.
"""

"""The shipped facilitation guides, installed as ``tpworkshop.facilitation_guides``.

This folder is where the guides are edited. The build maps it into the package (see
``setup.py``), so a wheel, an sdist and an editable install all carry every file in it, and
the loader finds them with ``importlib.resources``. Nothing here is Python but this file.
"""

"""What pyproject.toml cannot say: the top-level ``facilitation_guides/`` folder, where the
guides are edited, ships inside the package as ``tpworkshop.facilitation_guides``, with every
file in it and in its subfolders (one per language), whatever their kind.

Everything else (metadata, dependencies, tools) is in pyproject.toml.
"""

from setuptools import find_namespace_packages, find_packages, setup

GUIDES = "tpworkshop.facilitation_guides"
GUIDES_DIR = "facilitation_guides"

guide_packages = [
    GUIDES,
    *(
        f"{GUIDES}.{name}"
        for name in find_namespace_packages(where=GUIDES_DIR, exclude=["*__pycache__*"])
    ),
]

setup(
    packages=[*find_packages(include=["tpworkshop", "tpworkshop.*"]), *guide_packages],
    package_dir={GUIDES: GUIDES_DIR},
    package_data={
        "": ["*.tcss", "*.md", "*.toml"],  # styles, and data files beside the code
        **{name: ["*"] for name in guide_packages},
    },
    exclude_package_data={name: ["*.pyc"] for name in guide_packages},
)

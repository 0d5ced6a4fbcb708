"""The stage frameworks of DOMAIN.md: the columns of the map."""

from __future__ import annotations

from dataclasses import dataclass

from tpworkshop.domain.model import DEFAULT_WEIGHT, Stage


@dataclass(frozen=True)
class FrameworkStage:
    key: str
    names: dict[str, str]
    hints: dict[str, str]


@dataclass(frozen=True)
class Framework:
    key: str
    names: dict[str, str]
    stages: tuple[FrameworkStage, ...]
    purchase_key: str | None
    source: str

    def name(self, lang: str) -> str:
        return self.names.get(lang, self.names["en"])


def _stage(key: str, en: str, es: str, hint_en: str = "", hint_es: str = "") -> FrameworkStage:
    return FrameworkStage(key, {"en": en, "es": es}, {"en": hint_en, "es": hint_es})


FRAMEWORKS: dict[str, Framework] = {
    "lifecycle": Framework(
        "lifecycle",
        {"en": "Customer lifecycle (7 stages)", "es": "Ciclo de vida del cliente (7 etapas)"},
        (
            _stage("awareness", "Awareness", "Conciencia"),
            _stage("knowledge", "Knowledge", "Conocimiento"),
            _stage("consideration", "Consideration", "Consideración"),
            _stage("selection", "Selection", "Selección", "trial / purchase", "prueba / compra"),
            _stage("satisfaction", "Satisfaction", "Satisfacción"),
            _stage("loyalty", "Loyalty", "Lealtad"),
            _stage("advocacy", "Advocacy", "Recomendación"),
        ),
        "selection",
        "customer relationship lifecycle",
    ),
    "five-stage": Framework(
        "five-stage",
        {"en": "Five-stage journey", "es": "Recorrido en cinco etapas"},
        (
            _stage("awareness", "Awareness", "Conciencia"),
            _stage("consideration", "Consideration", "Consideración"),
            _stage("purchase", "Purchase", "Compra"),
            _stage("usage", "Usage", "Utilización"),
            _stage("loyalty", "Loyalty", "Lealtad"),
        ),
        "purchase",
        "five-stage customer journey",
    ),
    "5p": Framework(
        "5p",
        {"en": "5P touch framework", "es": "Marco 5P de contactos"},
        (
            _stage("pre", "Pre-touch", "Pre-contacto"),
            _stage("premier", "Premier touch", "Primer contacto"),
            _stage("pivotal", "Pivotal touch", "Contacto fundamental"),
            _stage("prime", "Prime touch", "Contacto principal"),
            _stage("post", "Post-touch", "Contacto posterior"),
        ),
        "prime",
        "M. Kothand's 5P touch framework",
    ),
    "webb": Framework(
        "webb",
        {"en": "Webb's five touches", "es": "Los cinco contactos de Webb"},
        (
            _stage("pre", "Pre-touch", "Pre-contacto"),
            _stage("first", "First touch", "Primer contacto"),
            _stage("in", "In-touch", "Contacto continuo"),
            _stage("core", "Core touch", "Contacto central"),
            _stage("post", "Post-touch", "Contacto posterior"),
        ),
        "core",
        "Nicholas Webb, What Customers Crave",
    ),
    "custom": Framework(
        "custom",
        {"en": "Custom stages", "es": "Etapas propias"},
        (),
        None,
        "the team's own",
    ),
}

FRAMEWORK_KEYS = tuple(FRAMEWORKS)
DEFAULT_FRAMEWORK = "five-stage"


def framework_stages(key: str, lang: str) -> list[Stage]:
    """Fresh stages for a new session of framework ``key`` in language ``lang``."""
    framework = FRAMEWORKS[key]
    return [
        Stage(key=s.key, name=s.names.get(lang, s.names["en"]), weight=DEFAULT_WEIGHT)
        for s in framework.stages
    ]


def purchase_stage_key(framework_key: str) -> str | None:
    framework = FRAMEWORKS.get(framework_key)
    return framework.purchase_key if framework else None

"""The stage frameworks of DOMAIN.md: the columns of the map."""

from __future__ import annotations

from dataclasses import dataclass

from tpworkshop.domain.stage import DEFAULT_WEIGHT, Stage


@dataclass(frozen=True)
class FrameworkStage:
    key: str
    names: dict[str, str]
    hints: dict[str, str]
    shorts: dict[str, str]
    """Labels for where space is short (the map, the Analysis grids, Details headers): they
    tell the framework's stages apart at 80 columns (facilitation_guides/glossary.md)."""


@dataclass(frozen=True)
class Framework:
    key: str
    names: dict[str, str]
    stages: tuple[FrameworkStage, ...]
    purchase_key: str | None
    source: str

    def name(self, lang: str) -> str:
        return self.names.get(lang, self.names["en"])


def _stage(
    key: str,
    en: str,
    es: str,
    short: tuple[str, str],
    hint_en: str = "",
    hint_es: str = "",
) -> FrameworkStage:
    return FrameworkStage(
        key,
        {"en": en, "es": es},
        {"en": hint_en, "es": hint_es},
        {"en": short[0], "es": short[1]},
    )


FRAMEWORKS: dict[str, Framework] = {
    "lifecycle": Framework(
        "lifecycle",
        {"en": "Customer lifecycle (7 stages)", "es": "Ciclo de vida del cliente (7 etapas)"},
        (
            _stage("awareness", "Awareness", "Conciencia", ("Aware.", "Conc.")),
            _stage("knowledge", "Knowledge", "Conocimiento", ("Know.", "Conoc.")),
            _stage("consideration", "Consideration", "Consideración", ("Cons.", "Cons.")),
            _stage(
                "selection",
                "Selection",
                "Selección",
                ("Select", "Selec."),
                "trial / purchase",
                "prueba / compra",
            ),
            _stage("satisfaction", "Satisfaction", "Satisfacción", ("Satis.", "Satis.")),
            _stage("loyalty", "Loyalty", "Lealtad", ("Loyal.", "Lealt.")),
            _stage("advocacy", "Advocacy", "Recomendación", ("Advoc.", "Recom.")),
        ),
        "selection",
        "customer relationship lifecycle",
    ),
    "five-stage": Framework(
        "five-stage",
        {"en": "Five-stage journey", "es": "Recorrido en cinco etapas"},
        (
            _stage("awareness", "Awareness", "Conciencia", ("Awareness", "Conciencia")),
            _stage("consideration", "Consideration", "Consideración", ("Consider.", "Consider.")),
            _stage("purchase", "Purchase", "Compra", ("Purchase", "Compra")),
            _stage("usage", "Usage", "Utilización", ("Usage", "Utiliz.")),
            _stage("loyalty", "Loyalty", "Lealtad", ("Loyalty", "Lealtad")),
        ),
        "purchase",
        "five-stage customer journey",
    ),
    "5p": Framework(
        "5p",
        {"en": "5P touch framework", "es": "Marco 5P de contactos"},
        (
            _stage("pre", "Pre-touch", "Pre-contacto", ("Pre", "Pre")),
            _stage("premier", "Premier touch", "Primer contacto", ("Premier", "Primer")),
            _stage("pivotal", "Pivotal touch", "Contacto fundamental", ("Pivotal", "Fundam.")),
            _stage("prime", "Prime touch", "Contacto principal", ("Prime", "Principal")),
            _stage("post", "Post-touch", "Contacto posterior", ("Post", "Posterior")),
        ),
        "prime",
        "M. Kothand's 5P touch framework",
    ),
    "webb": Framework(
        "webb",
        {"en": "Webb's five touches", "es": "Los cinco contactos de Webb"},
        (
            _stage("pre", "Pre-touch", "Pre-contacto", ("Pre", "Pre")),
            _stage("first", "First touch", "Primer contacto", ("First", "Primer")),
            _stage("in", "In-touch", "Contacto continuo", ("In-touch", "Continuo")),
            _stage("core", "Core touch", "Contacto central", ("Core", "Central")),
            _stage("post", "Post-touch", "Contacto posterior", ("Post", "Posterior")),
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

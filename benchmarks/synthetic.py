"""Synthetic sessions of any size, with a realistic fill of every field (seeded)."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime

from tpworkshop.domain.model import (
    EVIDENCE,
    Accepted,
    Action,
    Segment,
    Session,
    Stage,
    Touchpoint,
)

CHANNELS = [
    "website",
    "store",
    "phone",
    "email",
    "chat",
    "social network",
    "SMS",
    "post",
    "TV",
    "printed ad",
    "app",
    "contact centre",
    "word of mouth",
    "video call",
]
OWNERS = [
    "Marketing",
    "Sales",
    "Customer service",
    "After-sales",
    "Billing",
    "Logistics",
    "E-commerce",
    "Brand",
    "Operations",
    "IT",
    "Legal",
    "Partnerships",
    "Retail",
    "HR",
    "Quality",
]
VERBS = [
    "Read",
    "Visit",
    "Call",
    "Compare",
    "Receive",
    "Ask about",
    "Complain about",
    "Pay for",
    "Review",
    "Share",
    "Track",
    "Renew",
    "Cancel",
    "Sign up for",
    "Download",
]
OBJECTS = [
    "the invoice",
    "the offer",
    "the catalogue",
    "a review",
    "the order",
    "the contract",
    "the newsletter",
    "a reminder",
    "the warranty",
    "the delivery",
    "the app",
    "a quote",
    "the loyalty card",
    "support",
    "the product page",
]
PROCESSES = [
    "Order handling",
    "Complaint handling",
    "Campaign planning",
    "Billing run",
    "Onboarding",
    "Returns",
    "Quality review",
    "Lead follow-up",
]
PEOPLE = ["Agent", "Sales rep", "Technician", "Courier", "Receptionist", "Manager"]
DATA = ["clicks", "call duration", "NPS", "conversion", "open rate", "wait time", "returns"]


def synthetic_session(
    touchpoints: int, *, segments: int | None = None, stages: int = 8, seed: int = 7
) -> Session:
    """A custom-framework session: ``segments`` x ``stages`` cells, ``touchpoints`` in all."""
    rng = random.Random(seed)
    segments = segments or max(4, min(40, touchpoints // 250))
    session = Session(
        name=f"Synthetic {touchpoints}",
        organisation="Benchmark Bank",
        facilitator="Bench",
        participants=["A", "B", "C"],
        framework="custom",
        notes="Generated for benchmarks.",
        created=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        updated=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    session.stages = [
        Stage(key=f"stage-{n}", name=f"Stage {n}", weight=rng.randint(1, 5))
        for n in range(1, stages + 1)
    ]
    session.segments = [
        Segment(key=f"segment-{n}", name=f"Segment {n}", description="Customers of type " + str(n))
        for n in range(1, segments + 1)
    ]
    positions: dict[tuple[str, str], int] = {}
    for n in range(1, touchpoints + 1):
        segment = rng.choice(session.segments).key
        stage = rng.choice(session.stages).key
        position = positions.get((segment, stage), 0)
        positions[(segment, stage)] = position + 1
        session.touchpoints.append(_touchpoint(rng, n, segment, stage, position))
    _acting(session, random.Random(seed + 1))
    for n in range(max(1, touchpoints // 50)):
        session.actions.append(
            Action(
                title=f"Follow up {n}",
                touchpoint=f"tp-{rng.randint(1, touchpoints)}",
                owner=rng.choice(OWNERS),
                due=date(2027, 1 + n % 12, 1 + n % 28),
                status=rng.choice(["open", "done"]),
            )
        )
    return session


def _acting(session: Session, rng: random.Random) -> None:
    """The keys of issue 14, drawn from their own stream (the rest stays as it was): a third
    of the touchpoints with their own importance, 5 % moments of truth, evidence on half,
    and the team's acceptance of 1 % of the no-data findings (plus a few stale ones)."""
    for index, tp in enumerate(session.touchpoints):
        importance = rng.randint(1, 5) if rng.random() < 0.3 else tp.importance
        moment_of_truth = rng.random() < 0.05
        evidence = rng.choice(EVIDENCE) if rng.random() < 0.5 else tp.evidence
        session.touchpoints[index] = dataclasses.replace(
            tp, importance=importance, moment_of_truth=moment_of_truth, evidence=evidence
        )
    unmeasured = [tp for tp in session.touchpoints if not tp.data_generated]
    for tp in unmeasured[: max(1, len(session.touchpoints) // 100)]:
        session.accepted.append(
            Accepted(
                rule="no-data",
                reason="Nothing to record here",
                segment=tp.segment,
                stage=tp.stage,
                touchpoint=tp.ref,
                by="Bench",
            )
        )
    owned = next((tp for tp in session.touchpoints if tp.owner), None)
    if owned is not None:  # a stale acceptance: that touchpoint has an owner
        session.accepted.append(
            Accepted(
                rule="no-owner",
                reason="Gone",
                segment=owned.segment,
                stage=owned.stage,
                touchpoint=owned.ref,
            )
        )


def _touchpoint(rng: random.Random, n: int, segment: str, stage: str, position: int) -> Touchpoint:
    rated = rng.random() < 0.6
    pain = rng.random() < 0.1
    return Touchpoint(
        ref=f"tp-{n}",
        segment=segment,
        stage=stage,
        position=position,
        name=f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
        channel=rng.choice(CHANNELS) if rng.random() < 0.85 else "",
        kind=rng.choice(["communication", "human", "physical", "sensory", None]),
        initiative=rng.choice(["proactive", "reactive", None]),
        need="The customer wants to get this done quickly." if rng.random() < 0.5 else "",
        interactions=rng.sample(["email", "call", "visit", "letter"], rng.randint(0, 2)),
        owner=rng.choice(OWNERS) if rng.random() < 0.75 else "",
        processes=rng.sample(PROCESSES, rng.randint(0, 2)),
        people=rng.sample(PEOPLE, rng.randint(0, 2)),
        customer_contacts=rng.sample(PEOPLE, rng.randint(0, 1)),
        desired_outcome="Resolved at the first contact" if rng.random() < 0.7 else "",
        data_generated=rng.sample(DATA, rng.randint(0, 2)),
        optimal_experience="Fast, friendly, no surprises." if rng.random() < 0.3 else "",
        effectiveness=rng.randint(1, 5) if rated else None,
        pain_point=pain,
        pain_note="Long waits" if pain else "",
        votes=rng.randint(0, 3) if rng.random() < 0.2 else 0,
    )

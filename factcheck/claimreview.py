"""schema.org ClaimReview JSON-LD for claim results (https://schema.org/ClaimReview).

The review's ``reviewRating.alternateName`` is the verdict; ``itemReviewed`` is the claim as
a ``Claim``, with its ``author`` and ``datePublished`` when the sources show who made it (the
speaker of the strongest quote that supports it); the evidence rows are its citations.
"""

from __future__ import annotations

# On schema.org's 1 (false) to 5 (true) scale; NOT ENOUGH EVIDENCE gets no number.
RATING_VALUES = {"SUPPORTED": 5, "CONFLICTING": 3, "REFUTED": 1}
REVIEWER = {"@type": "Organization", "name": "factcheck"}


def person(name: str | None, role: str | None) -> dict | None:
    if not name:
        return None
    return {"@type": "Person", "name": name, **({"jobTitle": role} if role else {})}


def where(evidence: dict) -> dict:
    """The source a row comes from, as a CreativeWork: its URL when it has one."""
    work = {"@type": "CreativeWork", "name": evidence["source"]}
    if evidence.get("url"):
        work["url"] = evidence["url"]
    return work


def citation(evidence: dict) -> dict:
    """An evidence row: a ``Quotation`` when somebody said it, else the article's own words."""
    line = f":{evidence['line']}" if evidence.get("line") else ""
    quotation = {
        "@type": "CreativeWork" if evidence.get("kind") == "narrative" else "Quotation",
        "text": evidence["quote"],
        "spokenByCharacter": person(evidence.get("speaker"), evidence.get("role")),
        "dateCreated": evidence.get("date"),
        "isPartOf": where(evidence),
        "description": (
            f"{evidence['stance']} (score {evidence['score']:.2f}), "
            f"{evidence['source']}{line}: {evidence.get('reason', '')}"
        ),
    }
    return {key: value for key, value in quotation.items() if value is not None}


def claim_item(result: dict) -> dict:
    """The claim as a ``Claim``; its author is whoever the sources quote saying it."""
    item: dict = {"@type": "Claim", "text": result["claim"]}
    said = next(
        (
            e
            for e in result["evidence"]
            if e["stance"] == "supports" and e.get("speaker") and e.get("kind") != "narrative"
        ),
        None,
    )
    if said:
        item["author"] = person(said["speaker"], said.get("role"))
        if said.get("date"):
            item["datePublished"] = said["date"]
        item["appearance"] = where(said)
    return item


def claim_review(result: dict) -> dict:
    """One claim result (``ClaimResult.to_dict()``) as a ClaimReview."""
    rating = {
        "@type": "Rating",
        "alternateName": result["verdict"],
        "ratingExplanation": result["rationale"],
    }
    if result["verdict"] in RATING_VALUES:
        rating |= {
            "ratingValue": RATING_VALUES[result["verdict"]],
            "bestRating": 5,
            "worstRating": 1,
        }
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": result["claim"],
        "reviewRating": rating,
        "itemReviewed": claim_item(result),
        "author": REVIEWER,
        "citation": [citation(e) for e in result["evidence"]],
    }

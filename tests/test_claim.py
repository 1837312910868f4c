"""`factcheck claim` end to end: the example article and hand-written fixture articles."""

import json

import pytest
from click.testing import CliRunner
from paths import FIXTURES, REPO

from factcheck.cli import cli
from factcheck.corpus import build_corpus
from factcheck.verdict import check_claim_in

EXAMPLE = "Russia demands political concessions for gas"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_example_claim_is_refuted_by_peskov_in_the_table():
    result = run("claim", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "bundled example corpus" in result.stderr
    assert "Verdict: REFUTED" in result.stdout
    first_row = result.stdout.split("refutes", 1)[1]
    assert "Dmitry Peskov" in first_row.split("\n")[0]
    assert "Dec 8" in result.stdout and "seeds/russia-gas-union.txt:19" in result.stdout
    assert "2022" not in result.stdout  # the article gives no year: none is invented


def test_example_claim_in_json_follows_the_contract():
    result = run("claim", EXAMPLE, "--format", "json")
    (claim,) = json.loads(result.stdout)
    assert claim["claim"] == EXAMPLE and claim["verdict"] == "REFUTED"
    assert "Dmitry Peskov" in claim["rationale"] and "Dec 8" in claim["rationale"]
    top = claim["evidence"][0]
    assert top["stance"] == "refutes"
    assert top["speaker"] == "Dmitry Peskov" and top["role"] == "Kremlin spokesman"
    assert top["date"] == "--12-08" and top["date_text"] == "December 8"
    assert top["quote"].startswith("Nobody is talking about gas in exchange")
    assert top["source"] == "seeds/russia-gas-union.txt" and top["line"] == 19
    assert 0 < top["score"] <= 1


ARTICLES = FIXTURES / "claims" / "articles"


@pytest.fixture(scope="module")
def articles():
    return build_corpus([str(ARTICLES)])


@pytest.fixture(scope="module")
def example():
    return build_corpus([str(REPO / "seeds")])


@pytest.mark.parametrize(
    "claim, verdict, cited",
    [
        (EXAMPLE, "REFUTED", "Peskov"),
        ("Putin proposed a gas union with Kazakhstan and Uzbekistan", "SUPPORTED", None),
        ("Uzbekistan agreed to political conditions for Russian gas", "REFUTED", "Mirzamahmudov"),
        ("Kazakhstan will pay for the pipeline", "NOT ENOUGH EVIDENCE", None),
    ],
)
def test_example_claims(example, claim, verdict, cited):
    result = check_claim_in(example, claim)
    assert result.verdict == verdict, result.rationale
    if cited:
        assert cited in result.rationale and cited in result.evidence[0].passage.speaker


# The example article in other words: synonyms and metonyms, passive voice, nouns for verbs,
# claims about what someone said, and dates written another way.
@pytest.mark.parametrize(
    "claim, verdict, wanted",
    [
        ("The Kremlin is demanding political concessions in exchange for gas", "REFUTED", "Peskov"),
        ("Moscow wants political concessions for its gas", "REFUTED", "Peskov denied it on Dec 8"),
        ("Peskov said nobody is talking about gas in exchange for political concessions",
         "SUPPORTED", "Peskov said so on Dec 8"),
        ("Peskov said Russia demands political concessions for gas", "REFUTED",
         "Peskov said the opposite"),
        ("The Kremlin denied it wants political concessions for gas", "SUPPORTED", "Peskov"),
        ("On Dec 8 the Kremlin denied imposing political terms", "SUPPORTED", "Dec 8"),
        ("The Kremlin denied imposing political terms on December 9", "REFUTED",
         "another figure or date than December 9"),
        ("A gas union with Kazakhstan and Uzbekistan was proposed by Putin", "SUPPORTED", None),
        ("Putin's proposal of a gas union with Kazakhstan and Uzbekistan", "SUPPORTED", None),
        ("Mirzamahmudov said Uzbekistan would give up its national interests for gas", "REFUTED",
         "Mirzamahmudov said the opposite on Dec 7"),
        ("Tokayev visited Moscow on November 28", "SUPPORTED", "Nov 28"),
        ("Tokayev visited Moscow on November 29", "REFUTED", "than November 29"),
        ("The EU imposed a price cap on Russian oil", "SUPPORTED", None),
        ("Kazakhstan will build a new gas pipeline to China", "NOT ENOUGH EVIDENCE", None),
    ],
)  # fmt: skip
def test_example_claims_in_other_words(example, claim, verdict, wanted):
    result = check_claim_in(example, claim)
    assert result.verdict == verdict, result.rationale
    if wanted:
        assert wanted in result.rationale
    if "said" in claim:
        assert "party the claim is about" not in result.rationale


# Hand-written articles (fixtures/claims/articles), covering support by the subject and by a
# third party, denial by the subject, refutation by numbers and opposites, conflicting
# accounts, and passages with the same words about a different event.
@pytest.mark.parametrize(
    "claim, verdict, speaker",
    [
        # support by the subject, or by the one who speaks for it
        ("The Harbor Bridge will be closed for repairs", "SUPPORTED", "Alicia Moreno"),
        ("Riverton will build a new stadium", "SUPPORTED", "Jane Whitfield"),
        ("Ruth Vance voted against the farm bill", "SUPPORTED", "Vance"),
        # support by a third party, or by the article's own voice
        ("About 200 residents were evacuated from the Old Mill district", "SUPPORTED", None),
        ("Ferry fares will rise by 12 percent", "SUPPORTED", None),
        ("The Senate approved the farm bill by 61 votes", "SUPPORTED", None),
        ("The Ashby public library will close for two weeks of repairs", "SUPPORTED", None),
        ("150 families lost their free lunches", "SUPPORTED", None),
        pytest.param(
            "Nobody was hurt in the Old Mill flood",
            "SUPPORTED",
            None,
            marks=pytest.mark.xfail(reason="'flood' stands only in another sentence", strict=True),
        ),
        # denial by the subject (or by someone for it)
        ("Larkport plans to sell the port to a private operator", "REFUTED", "Tom Becker"),
        ("Northfield Steel will close the Ashby plant", "REFUTED", None),
        ("Ruth Vance voted for the farm bill", "REFUTED", "Vance"),
        # refutation by numbers, opposites and plain negation
        ("Ferry fares will rise by 30 percent", "REFUTED", None),
        ("Northfield Steel will cut 1,000 jobs", "REFUTED", None),
        ("Greendale funding for free lunches rose by 10 percent", "REFUTED", None),
        ("The Senate rejected the farm bill", "REFUTED", None),
        ("The Riverton council rejected plans for a new stadium", "REFUTED", None),
        ("The Old Mill Bridge was damaged", "REFUTED", None),
        # conflicting accounts
        ("The Greendale district cut funding for free school lunches", "CONFLICTING", None),
        ("Northfield Steel will cut 400 jobs at the Ashby plant", "CONFLICTING", None),
        # nothing on it, or the same words about a different event
        ("Larkport will build a new stadium", "NOT ENOUGH EVIDENCE", None),
        ("The Harbor Bridge will be painted red", "NOT ENOUGH EVIDENCE", None),
        ("The Harbor Bridge was damaged by the flood", "NOT ENOUGH EVIDENCE", None),
        ("Heavy rain flooded the Harbor district of Larkport", "NOT ENOUGH EVIDENCE", None),
        ("Northfield Steel will close its public library", "NOT ENOUGH EVIDENCE", None),
        ("The House approved the farm bill", "NOT ENOUGH EVIDENCE", None),
        # in other words: synonyms, phrasal verbs, opposites, passive voice
        ("Ferry prices will go up 12% in April", "SUPPORTED", None),
        ("Ferry fares will increase by twelve percent", "SUPPORTED", None),
        ("Ferry fares will go down", "REFUTED", None),
        ("The Harbor Bridge will be shut for six weeks", "SUPPORTED", "Alicia Moreno"),
        ("The Harbor Bridge will be closed for eight weeks", "REFUTED", "Alicia Moreno"),
        ("The port will be sold to a private company", "REFUTED", "Tom Becker"),
        ("A new stadium was approved by the Riverton council", "SUPPORTED", None),
        ("The Larkport Lions beat Riverton", "SUPPORTED", None),
        ("The Larkport Lions lost to Riverton", "REFUTED", None),
        # dates: a passage that does not say when does not decide a dated claim
        ("The Harbor Bridge will close on March 3", "SUPPORTED", None),
        ("The Harbor Bridge will close on March 10", "REFUTED", None),
        # what someone said
        ("Whitlock said the company would close the Ashby plant", "REFUTED", None),
        ("Dunmore said Northfield Steel will cut 600 jobs", "SUPPORTED", "Carl Dunmore"),
        ("Dunmore said Northfield Steel will cut 400 jobs", "REFUTED", "Carl Dunmore"),
        ("Lopez denied that the district cut lunch funding", "SUPPORTED", "Maria Lopez"),
        ("Becker said Larkport will sell the port", "REFUTED", "Tom Becker"),
        # a judgement is not supported by a fact
        ("Ferry fares should rise by 12 percent", "NOT ENOUGH EVIDENCE", None),
    ],
)
def test_fixture_verdicts(articles, claim, verdict, speaker):
    result = check_claim_in(articles, claim)
    assert result.verdict == verdict, result.rationale
    if speaker:
        assert speaker in result.evidence[0].passage.speaker
        assert speaker in result.rationale
    if verdict in ("SUPPORTED", "REFUTED"):
        assert result.evidence[0].stance == ("supports" if verdict == "SUPPORTED" else "refutes")


# Patterns from a real convention report (a PolNeAR article, reproduced by hand in
# parking-fund.txt): a dateline before reported speech, an appositive with an initial
# ("James T. Whitcomb") before a relative clause that attributes words ("which a Treasury
# review said was ..."), and claims about what someone said.
@pytest.mark.parametrize(
    "claim, verdict, wanted, unwanted",
    [
        # what a party said, attributed inside a relative clause of someone else's sentence
        (
            "The Treasury said Pruitt's handling of the parking fund was reckless",
            "SUPPORTED",
            "reports the Treasury said so",
            "Okafor",
        ),
        (
            "A Treasury review found that the mayor's handling of the parking fund was reckless",
            "SUPPORTED",
            "Treasury review said so",
            None,
        ),
        ("The Treasury said Pruitt broke the law", "REFUTED", "said the opposite", None),
        # the speaker said the opposite: no denial, and not the party the claim accuses
        (
            "Okafor said Pruitt did nothing wrong with the parking fund",
            "REFUTED",
            "Helen Okafor said the opposite",
            "denied",
        ),
        # the same words, but not hers: the Treasury said it
        (
            "Okafor said Pruitt's handling of the parking fund was reckless",
            "NOT ENOUGH EVIDENCE",
            "not in the words of Okafor",
            None,
        ),
        # reported speech after a dateline: her opinion, not the article's
        (
            "Pruitt's handling of the parking fund should cost him the election",
            "SUPPORTED",
            "Former State Auditor Helen Okafor said so on May 4",
            "source reports",
        ),
        # the full name in the claim, the surname alone in the passage
        ("Dale Pruitt's handling of the parking fund was reckless", "SUPPORTED",
         "parking-fund.txt:5), citing a Treasury review", None),
        # mayoral-poll.txt, after a poll report: a headline "Name: words", "stated that"
        ("Hartley said the Reyes transit levy story has moved", "SUPPORTED", "Hartley", None),
        # numbers with units: another figure refutes, another event's figure does not
        ("Reyes leads Hartley 47 percent to 38 percent in the Civic Radio poll", "SUPPORTED",
         "citing a Civic Radio poll", None),
        ("Reyes leads Hartley 49 percent to 38 percent in the Civic Radio poll", "REFUTED",
         "another figure or date than 49 percent", None),
        ("The Civic Radio poll has a margin of error of five points", "REFUTED", None, None),
        ("The Civic Radio poll has a margin of error of three points", "SUPPORTED", None, None),
        ("Hartley's support fell to 38 percent", "SUPPORTED", None, None),
        # dates: the day a figure held
        ("Reyes was tied with Hartley at 41 percent on June 2", "SUPPORTED", "Jun 2", None),
        ("Reyes was tied with Hartley at 41 percent on May 20", "REFUTED", "than May 20", None),
        # phrasal verbs and nouns for verbs
        ("Pat Lindqvist will step down after the election", "SUPPORTED", "Lindqvist", None),
        ("The Civic Party apologized to Hartley", "SUPPORTED", None, None),
    ],
)  # fmt: skip
def test_claims_in_peoples_own_words(articles, claim, verdict, wanted, unwanted):
    result = check_claim_in(articles, claim)
    assert result.verdict == verdict, result.rationale
    if wanted:
        assert wanted in result.rationale
    if unwanted:
        assert unwanted not in result.rationale
    if " said " in claim:  # who said it is not the party the claim accuses
        assert "party the claim is about" not in result.rationale


def test_claims_from_a_file_stream_as_json_lines():
    result = run(
        "claim",
        "--from",
        str(FIXTURES / "claims" / "claims.txt"),
        "--source",
        str(ARTICLES),
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["verdict"] for r in lines] == ["SUPPORTED", "REFUTED", "NOT ENOUGH EVIDENCE"]


def test_claims_from_stdin_skip_blank_and_comment_lines():
    result = run("claim", "--format", "jsonl", input=f"# a comment\n\n{EXAMPLE}\n")
    assert result.exit_code == 0
    assert [json.loads(line)["claim"] for line in result.stdout.splitlines()] == [EXAMPLE]


def test_csv_has_one_row_per_evidence():
    result = run("claim", EXAMPLE, "--format", "csv")
    header, first, *_ = result.stdout.splitlines()
    assert header.startswith("claim,verdict,stance,speaker,role,date,quote,source,line,score")
    assert "REFUTED,refutes,Dmitry Peskov,Kremlin spokesman,--12-08" in first


def test_markdown_has_a_heading_and_a_table():
    result = run("claim", EXAMPLE, "--format", "markdown")
    assert result.stdout.startswith(f"### {EXAMPLE}")
    assert "| Stance" in result.stdout


def test_the_bundled_corpus_works_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "Verdict: REFUTED" in run("claim", EXAMPLE).stdout


def test_seed_is_the_shared_example_article():
    shared = REPO.parent / "shared" / "seeds" / "000_d575f0deb029b304.txt"
    if not shared.exists():
        pytest.skip("../shared is not present")
    assert (REPO / "seeds" / "russia-gas-union.txt").read_bytes() == shared.read_bytes()


def test_claimreview_is_schema_org_json_ld():
    result = run("claim", EXAMPLE, "--format", "claimreview")
    assert result.exit_code == 0, result.output
    (review,) = json.loads(result.stdout)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == EXAMPLE
    assert review["reviewRating"]["alternateName"] == "REFUTED"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["itemReviewed"]["@type"] == "Claim"
    first = review["citation"][0]
    assert first["spokenByCharacter"]["name"] == "Dmitry Peskov"
    assert first["dateCreated"] == "--12-08"


def test_claimreview_names_who_made_a_supported_claim():
    claim = "Riverton will build a new stadium"
    result = run("claim", claim, "--source", str(ARTICLES), "--format", "claimreview")
    (review,) = json.loads(result.stdout)
    assert review["reviewRating"]["alternateName"] == "SUPPORTED"
    assert review["itemReviewed"]["author"]["name"] == "Jane Whitfield"
    assert review["itemReviewed"]["datePublished"] == "--03-14"


@pytest.mark.parametrize(
    "fail_on, claim, code",
    [
        ("refuted", EXAMPLE, 1),
        ("refuted", "Kazakhstan will pay for the pipeline", 0),
        ("unsupported", "Kazakhstan will pay for the pipeline", 1),
        ("unsupported", "Putin proposed a gas union with Kazakhstan and Uzbekistan", 0),
    ],
)
def test_fail_on_sets_the_exit_code(fail_on, claim, code):
    assert run("claim", claim, "--fail-on", fail_on).exit_code == code


def test_fail_on_exits_1_only_after_every_result_is_out():
    claims = f"{EXAMPLE}\nPutin proposed a gas union with Kazakhstan and Uzbekistan\n"
    result = run("claim", "--fail-on", "refuted", "--format", "jsonl", input=claims)
    assert result.exit_code == 1
    verdicts = [json.loads(line)["verdict"] for line in result.stdout.splitlines()]
    assert verdicts == ["REFUTED", "SUPPORTED"]


def test_top_limits_the_rows():
    result = run("claim", EXAMPLE, "--format", "json", "--top", "1")
    assert len(json.loads(result.stdout)[0]["evidence"]) == 1


def test_a_claim_nothing_is_about_says_so_in_the_table():
    result = run("claim", "Kazakhstan will pay for the pipeline")
    assert "Verdict: NOT ENOUGH EVIDENCE" in result.stdout
    assert "pipeline" in result.stdout.split("\n")[1]

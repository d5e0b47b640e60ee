#!/usr/bin/env python3
"""Writes the malformed-protocol corpus: each case is the valid base protocol (base.toml,
base.en.ftl, base.fr.ftl) with one deliberate mistake, and an `expected` file naming the
diagnostic code and the position the checker must report. Positions are computed here from the
text of the mistake, not taken from the checker. Run it from this folder after editing a case;
the corpus it writes is committed and read by the CLI's integration tests."""

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = {
    "protocol.toml": open(os.path.join(HERE, "base.toml"), encoding="utf-8").read(),
    "locales/en.ftl": open(os.path.join(HERE, "base.en.ftl"), encoding="utf-8").read(),
    "locales/fr.ftl": open(os.path.join(HERE, "base.fr.ftl"), encoding="utf-8").read(),
}

P = "protocol.toml"
EN = "locales/en.ftl"
FR = "locales/fr.ftl"


def case(name, edits, expect, args=None):
    """edits: (file, old, new) replacements (old must occur); expect: (severity, code, file,
    needle, column?) where needle locates the reported line (None: line 1) and column is checked
    only when given (None: any column)."""
    return dict(name=name, edits=edits, expect=expect, args=args or [])


CASES = [
    # --- TOML syntax -----------------------------------------------------------------------
    case("syntax-unclosed-string", [(P, 'text = "q-paid"', 'text = "q-paid')], [("error", "toml-syntax", P, 'text = "q-paid', None)]),
    case("syntax-missing-equals", [(P, 'phase = "destination"', 'phase "destination"')], [("error", "toml-syntax", P, 'phase "destination"', None)]),
    case("syntax-duplicate-key", [(P, 'text = "q-hours"', 'text = "q-hours"\ntext = "again"')], [("error", "toml-syntax", P, 'text = "again"', None)]),
    case("syntax-bad-header", [(P, "[[dimensions]]", "[[dimensions]")], [("error", "toml-syntax", P, "[[dimensions]", None)]),
    case("syntax-bare-word", [(P, 'hours = "24/7"\nvalid_until = "2030-01-01"\nsuggest_when = { level_at_least', 'hours = 24/7\nvalid_until = "2030-01-01"\nsuggest_when = { level_at_least')], [("error", "toml-syntax", P, "hours = 24/7", None)]),
    # --- structure --------------------------------------------------------------------------
    case("unknown-top-level-table", [(P, "[[stop_rules]]", "[[stop_rule]]")], [("error", "unknown-table", P, "stop_rule", 3)]),
    case("missing-header", [(P, "[protocol]\n", "[protocl]\n")], [("error", "unknown-table", P, "protocl", 2), ("error", "invalid-field", P, "[[protocol.sources]]", 3)]),
    case("unknown-question-field", [(P, 'relevant = { q = "paid"', 'relevnt = { q = "paid"')], [("error", "invalid-field", P, "relevnt", 1)]),
    case("wrong-field-type", [(P, "sensitive = true", 'sensitive = "yes"')], [("error", "invalid-field", P, 'sensitive = "yes"', None)]),
    case("missing-question-text", [(P, 'type = "yes-no"\ntext = "q-paid"\n', 'type = "yes-no"\n')], [("error", "invalid-field", P, '[[sections.questions]]\nid = "paid"', 1)]),
    case("stop-rules-not-array", [(P, "[protocol]\n", 'stop_rules = "danger"\n\n[protocol]\n'), (P, '[[stop_rules]]\nid = "danger"\nwhen = { q = "paid", is = "dont-know" }\nmessage = "stop-danger"\n', "")], [("error", "not-an-array", P, "stop_rules = ", 14)]),
    case("bad-version", [(P, 'version = "1.0.0"', 'version = "1.0"')], [("error", "bad-version", P, '"1.0"', 11)]),
    case("bad-status", [(P, 'status = "draft"', 'status = "drafted"')], [("error", "bad-value", P, '"drafted"', 10)]),
    case("bad-review-date", [(P, 'review_by = "2030-01-01"', 'review_by = "2030-13-01"')], [("error", "bad-date", P, '"2030-13-01"', 13)]),
    case("default-language-undeclared", [(P, 'default_language = "en"', 'default_language = "de"')], [("error", "unknown-language", P, '"de"', 20)]),
    case("default-language-draft", [(P, 'tag = "en"\ndirection = "ltr"\nstatus = "complete"', 'tag = "en"\ndirection = "ltr"\nstatus = "draft-needs-native-review"')], [("error", "draft-default", P, 'default_language = "en"', 20)]),
    case("bad-language-tag", [(P, 'tag = "fr"', 'tag = "french!"')], [("error", "bad-language", P, '"french!"', 7)]),
    case("duplicate-language", [(P, 'tag = "fr"', 'tag = "en"')], [("error", "duplicate-id", P, 'tag = "en"\ndirection = "ltr"\nstatus = "draft', 7)]),
    case("bad-direction", [(P, 'tag = "fr"\ndirection = "ltr"', 'tag = "fr"\ndirection = "sideways"')], [("error", "bad-value", P, '"sideways"', 13)]),
    case("bad-translation-status", [(P, 'status = "draft-needs-native-review"', 'status = "draft-native"')], [("error", "bad-value", P, '"draft-native"', 10)]),
    case("no-intended-users", [(P, 'intended_users = ["outreach-worker"]', "intended_users = []")], [("error", "missing-value", P, 'id = "CASE_ID"', None)]),
    case("bad-question-id", [(P, 'id = "sector"', 'id = "Sector"')], [("error", "bad-id", P, '"Sector"', 6)]),
    case("duplicate-question-id", [(P, 'id = "sector"', 'id = "hours"')], [("error", "duplicate-id", P, 'id = "hours"\ntype = "single"', 6)]),
    case("reserved-question-id", [(P, 'id = "sector"', 'id = "age"')], [("error", "duplicate-id", P, '"age"', 6)]),
    case("duplicate-section-id", [(P, '[[sections.questions]]\nid = "comment"', '[[sections]]\nid = "work"\ntitle = "section-work"\n\n[[sections.questions]]\nid = "comment"')], [("error", "duplicate-id", P, 'id = "work"\ntitle = "section-work"\n\n[[sections.questions]]\nid = "comment"', 6)]),
    case("unknown-question-type", [(P, 'type = "yes-no"', 'type = "yesno"')], [("error", "unknown-type", P, '"yesno"', 8)]),
    case("single-without-choices", [(P, 'choices = [\n  { code = "farm", label = "c-farm" },\n  { code = "factory", label = "c-factory" },\n]\n', "")], [("error", "missing-choices", P, 'type = "single"', 8)]),
    case("single-with-one-choice", [(P, '  { code = "factory", label = "c-factory" },\n', "")], [("error", "few-choices", P, 'type = "single"', 8)]),
    case("duplicate-choice", [(P, '{ code = "factory"', '{ code = "farm"')], [("error", "duplicate-id", P, '"farm", label = "c-factory"', 12)]),
    case("reserved-choice", [(P, '{ code = "factory"', '{ code = "dont-know"')], [("error", "reserved-code", P, '"dont-know"', 12)]),
    case("number-without-range", [(P, "min = 0\nmax = 24\n", "")], [("error", "missing-range", P, 'type = "number"', 8)]),
    case("number-min-above-max", [(P, "min = 0\nmax = 24", "min = 30\nmax = 24")], [("error", "bad-range", P, "min = 30", 7)]),
    case("text-not-sensitive", [(P, "sensitive = true\n", "")], [("error", "text-not-sensitive", P, 'type = "text"', 8)]),
    case("bad-text-key", [(P, 'text = "q-sector"', 'text = "q sector"')], [("error", "bad-key", P, '"q sector"', 8)]),
    case("reserved-text-key", [(P, 'text = "q-sector"', 'text = "fs-sector"')], [("error", "reserved-key", P, '"fs-sector"', 8)]),
    # --- conditions --------------------------------------------------------------------------
    case("unknown-question-in-relevance", [(P, 'relevant = { q = "paid"', 'relevant = { q = "payd"')], [("error", "unknown-question", P, '"payd"', 18)]),
    case("forward-reference", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { q = "sector", is = "farm" }')], [("error", "forward-reference", P, '"sector", is', 18)]),
    case("self-reference", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { q = "hours", gt = 3 }')], [("error", "self-reference", P, '"hours", gt', 18)]),
    case("unknown-choice-code", [(P, 'type = "text"\ntext = "q-comment"\n', 'type = "text"\ntext = "q-comment"\nrelevant = { q = "sector", is = "farms" }\n')], [("error", "unknown-choice", P, '"farms"', 33)]),
    case("yes-no-compared-to-other", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { q = "paid", is = "maybe" }')], [("error", "wrong-type", P, '"maybe"', 31)]),
    case("includes-on-yes-no", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { q = "paid", includes = "yes" }')], [("error", "wrong-type", P, 'includes = "yes"', 37)]),
    case("compare-on-yes-no", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { q = "paid", gt = 1 }')], [("error", "wrong-type", P, "gt = 1", 31)]),
    case("empty-condition", [(P, 'relevant = { q = "paid", is = "yes" }', "relevant = {}")], [("error", "condition-shape", P, "relevant = {}", 12)]),
    case("two-heads", [(P, 'when = { met = "exploitation" }', 'when = { met = "exploitation", q = "paid", is = "yes" }')], [("error", "condition-shape", P, 'when = { met = "exploitation", q', 8)]),
    case("test-without-question", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { is = "yes" }')], [("error", "condition-shape", P, 'relevant = { is', 12)]),
    case("two-tests", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { q = "paid", is = "yes", answered = true }')], [("error", "condition-shape", P, 'relevant = { q = "paid", is = "yes", answered', 12)]),
    case("identifying-only-when-anonymous", [(P, 'id = "comment"\ntype = "text"\ntext = "q-comment"\nsensitive = true', 'id = "comment"\ntype = "text"\ntext = "q-comment"\nsensitive = true\nidentifying = true\nrelevant = { q = "consent", is = "anonymous" }')], [("error", "unreachable", P, 'relevant = { q = "consent", is = "anonymous" }', 12)]),
    case("views-question-when-views-refused", [(P, '[[sections.questions]]\nid = "comment"', '[[sections]]\nid = "views"\ntitle = "section-work"\nmodule = "survivor-views"\n\n[[sections.questions]]\nid = "views_ok"\ntype = "yes-no"\ntext = "q-paid"\n\n[[sections.questions]]\nid = "comment"\nrelevant = { q = "views_ok", is = "no" }')], [("error", "unreachable", P, 'relevant = { q = "views_ok", is = "no" }', 12)]),
    case("views-without-own-consent", [(P, '[[sections.questions]]\nid = "comment"', '[[sections]]\nid = "views"\ntitle = "section-work"\nmodule = "survivor-views"\n\n[[sections.questions]]\nid = "comment"')], [("error", "survivor-views-consent", P, 'id = "views"', 6)]),
    case("survivor-needs-read-outside-the-module", [(P, '[[sections.questions]]\nid = "comment"', '[[sections]]\nid = "views"\ntitle = "section-work"\nmodule = "survivor-views"\n\n[[sections.questions]]\nid = "views_ok"\ntype = "yes-no"\ntext = "q-paid"\n\n[[sections.questions]]\nid = "comment"'), (P, '[[dimension_rules]]', '[report]\nsurvivor_needs = { question = "sector", values = { farm = "work", factory = "work" } }\n\n[[dimension_rules]]')], [("error", "survivor-views-variable", P, 'id = "sector"', 6)]),
    case("views-read-by-a-note", [(P, '[[sections.questions]]\nid = "comment"', '[[sections]]\nid = "views"\ntitle = "section-work"\nmodule = "survivor-views"\n\n[[sections.questions]]\nid = "views_ok"\ntype = "yes-no"\ntext = "q-paid"\n\n[[sections.questions]]\nid = "comment"'), (P, 'when = { indicator = "unpaid" }', 'when = { q = "views_ok", is = "yes" }')], [("error", "survivor-views-leak", P, 'id = "views_ok"', 6)]),
    case("met-in-relevance", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { met = "exploitation" }')], [("error", "wrong-place", P, '"exploitation" }', 20)]),
    case("indicator-in-stop-rule", [(P, 'when = { q = "paid", is = "dont-know" }', 'when = { indicator = "unpaid" }')], [("error", "wrong-place", P, '"unpaid" }', 22)]),
    case("level-in-outcome-rule", [(P, 'when = { met = "exploitation" }', 'when = { level_at_least = "assess-further" }')], [("error", "wrong-place", P, '"assess-further" }', 27)]),
    case("unknown-dimension-in-met", [(P, 'when = { met = "exploitation" }', 'when = { met = "exploitaton" }')], [("error", "unknown-dimension", P, '"exploitaton"', 16)]),
    case("unknown-indicator-in-note", [(P, 'when = { indicator = "unpaid" }', 'when = { indicator = "unpayed" }')], [("error", "unknown-indicator", P, '"unpayed"', 22)]),
    case("unreachable-question", [(P, 'relevant = { q = "paid", is = "yes" }', 'relevant = { all = [{ q = "paid", is = "yes" }, { q = "paid", is = "no" }] }')], [("error", "unreachable", P, 'relevant = { all = [{ q = "paid", is = "yes" }, { q = "paid", is = "no" }] }', 12)]),
    case("constraint-without-message", [(P, "min = 0\nmax = 24\n", 'min = 0\nmax = 24\nconstraint = { q = "hours", le = 20 }\n')], [("error", "missing-message", P, 'constraint = {', 14)]),
    # --- indicators and rules ------------------------------------------------------------------
    case("dimension-unmeetable", [(P, 'strength = { adult-labour = "medium" }', 'strength = { adult-labour = "weak" }')], [("error", "dimension-unmeetable", P, 'id = "exploitation"\nlabel', 6), ("error", "outcome-unreachable", P, 'when = { met = "exploitation" }', 8)]),
    case("outcome-rule-unreachable", [(P, 'level = "refer-now"\nexplanation = "rule-exploited"\nwhen = { met = "exploitation" }', 'level = "refer-now"\nage_group = "child"\nexplanation = "rule-exploited"\nwhen = { indicator = "long-hours" }')], [("error", "outcome-unreachable", P, 'when = { indicator = "long-hours" }', 8)]),
    case("indicator-unknown-dimension", [(P, 'dimension = "exploitation"\nilo', 'dimension = "exploitatio"\nilo')], [("error", "unknown-dimension", P, '"exploitatio"', 13)]),
    case("indicator-unknown-profile", [(P, 'strength = { adult-labour = "medium" }', 'strength = { adult-labor = "medium" }')], [("error", "unknown-profile", P, '"medium" }', 28)]),
    case("indicator-bad-strength", [(P, 'strength = { adult-labour = "medium" }', 'strength = { adult-labour = "high" }')], [("error", "bad-value", P, '"high"', 29)]),
    case("indicator-bad-ilo-number", [(P, "ilo_forced_labour = [8]", "ilo_forced_labour = [12]")], [("error", "bad-reference", P, "12]", 22)]),
    case("indicator-bad-means-of-control", [(P, 'means_of_control = ["takes-earnings"]', 'means_of_control = ["takes-earning"]')], [("error", "bad-reference", P, '"takes-earning"', 21)]),
    case("indicator-bad-exploitation-type", [(P, 'means_of_control = ["takes-earnings"]', 'means_of_control = ["takes-earnings"]\nexploitation = ["forced-labor"]')], [("error", "bad-reference", P, '"forced-labor"', 17)]),
    case("indicator-no-profile", [(P, 'strength = { adult-labour = "medium" }', "strength = {}")], [("error", "no-profile", P, "{}", 12)]),
    case("dimension-unknown-rule", [(P, 'rule = "ilo-ec-2009"', 'rule = "ilo-ec"')], [("error", "unknown-rule", P, '"ilo-ec"', 8)]),
    case("pattern-always-met", [(P, "met_when = [{ strong = 2 }, { strong = 1, medium = 1 }]", "met_when = [{ strong = 2 }, {}]")], [("error", "always-met", P, "{}]", 29)]),
    case("bad-outcome-level", [(P, 'level = "refer-now"', 'level = "refer"')], [("error", "bad-value", P, '"refer"', 9)]),
    case("bad-age-group", [(P, 'suggest_when = { age_group = "child" }', 'suggest_when = { age_group = "kid" }')], [("error", "bad-value", P, '"kid"', 30)]),
    # --- referrals and enforced steps ------------------------------------------------------------
    case("review-date-unquoted", [(P, 'review_by = "2030-01-01"', 'review_by = 2030-01-01')], [("error", "invalid-field", P, "review_by = 2030", 13)]),
    case("threshold-out-of-range", [(P, 'when = { q = "hours", gt = 12 }', 'when = { q = "hours", gt = 30 }')], [("error", "threshold-out-of-range", P, "gt = 30", None)]),
    case("duplicate-referral-id", [(P, 'id = "child-protection"', 'id = "hotline"')], [("error", "duplicate-id", P, 'id = "hotline"\ncategory = "child-protection"', 6)]),
    case("duplicate-dimension-rule-id", [(P, "[[dimension_rules]]\nid = \"ilo-ec-2009\"\nmet_when = [{ strong = 2 }, { strong = 1, medium = 1 }]", "[[dimension_rules]]\nid = \"ilo-ec-2009\"\nmet_when = [{ strong = 2 }, { strong = 1, medium = 1 }]\n\n[[dimension_rules]]\nid = \"ilo-ec-2009\"\nmet_when = [{ strong = 3 }]")], [("error", "duplicate-id", P, 'id = "ilo-ec-2009"\nmet_when = [{ strong = 3 }]', 6)]),
    case("enforced-wording-reserved-key", [(P, "[[sections]]\nid = \"work\"", '[enforced.wording]\nconsent = "fs-step-age"\n\n[[sections]]\nid = "work"')], [("error", "reserved-key", P, 'consent = "fs-step-age"', 11)]),
    case("outcome-rule-shadowed", [(P, '[[outcome_rules]]\nid = "exploited"', '[[outcome_rules]]\nid = "looks-exploited"\nlevel = "assess-further"\nexplanation = "rule-exploited"\nwhen = { any = [{ met = "exploitation" }, { indicator = "long-hours" }] }\n\n[[outcome_rules]]\nid = "exploited"')], [("error", "outcome-shadowed", P, 'when = { any = [{ met = "exploitation" }', 8)]),
    case("outcome-rule-shadowed-jointly", [(P, '[[outcome_rules]]\nid = "exploited"', '[[outcome_rules]]\nid = "exploited-long-hours"\nlevel = "assess-further"\nexplanation = "rule-exploited"\nwhen = { all = [{ met = "exploitation" }, { indicator = "long-hours" }] }\n\n[[outcome_rules]]\nid = "exploited-other"\nlevel = "assess-further"\nexplanation = "rule-exploited"\nwhen = { all = [{ met = "exploitation" }, { not = { indicator = "long-hours" } }] }\n\n[[outcome_rules]]\nid = "exploited"')], [("error", "outcome-shadowed", P, 'when = { all = [{ met = "exploitation" }, { indicator = "long-hours" }', 8)]),
    case("condition-nested-too-deep", [(P, 'relevant = { q = "paid", is = "yes" }', "relevant = " + "{ not = " * 200 + '{ q = "paid", is = "yes" }' + " }" * 200)], [("error", "toml-syntax", P, "relevant = { not = { not", None)]),
    case("child-rule-reads-adult-only-indicator", [(P, 'when = { met = "exploitation" }\n', 'when = { met = "exploitation" }\n\n[[outcome_rules]]\nid = "child-hours"\nlevel = "assess-further"\nage_group = "child"\nexplanation = "rule-exploited"\nwhen = { any = [{ indicator = "long-hours" }, { indicator = "unpaid" }] }\n')], [("error", "indicator-not-graded", P, 'when = { any = [{ indicator = "long-hours" }', 8)]),
    case("referral-bad-phone", [(P, 'phone = "+442079460007"', 'phone = "0800 123 456"')], [("error", "bad-phone", P, '"0800 123 456"', 9)]),
    case("referral-bad-category", [(P, 'category = "hotline"', 'category = "police"')], [("error", "bad-value", P, '"police"', 12)]),
    case("referral-bad-date", [(P, 'hours = "24/7"\nvalid_until = "2030-01-01"', 'hours = "24/7"\nvalid_until = "next year"')], [("error", "bad-date", P, '"next year"', 15)]),
    case("unknown-enforced-step", [(P, "[[sections]]\nid = \"work\"", '[enforced.wording]\nsafety_alon = "q-paid"\n\n[[sections]]\nid = "work"')], [("error", "unknown-step", P, '"q-paid"\n', 15)]),
    # --- translations ----------------------------------------------------------------------------
    case("fluent-syntax-error", [(EN, "q-hours = How many hours do you work?", "q-hours = How many { $hours do you work?")], [("error", "fluent-syntax", EN, "q-hours", 1)]),
    case("fluent-duplicate-message", [(EN, "q-hours = How many hours do you work?", "q-hours = How many hours do you work?\nq-paid = Paid again?")], [("error", "fluent-duplicate", EN, "q-paid = Paid again", 1)]),
    case("fluent-nested-too-deep", [(EN, "q-hours = How many hours do you work?", "q-hours = " + "{ " * 40 + "$h" + " }" * 40)], [("error", "fluent-too-deep", EN, "q-hours", None)]),
    case("fluent-invisible-character", [(EN, "q-hours = How many", "q-ho\u200burs = How many")], [("error", "fluent-syntax", EN, "q-ho\u200burs", 1)]),
    case("fluent-unknown-term", [(EN, "q-hours = How many hours do you work?", "q-hours = How many hours do you work for { -employer }?")], [("error", "fluent-unknown-term", EN, "q-hours", 1)]),
    case("fluent-byte-order-mark", [(EN, "", "\ufeff")], [("warning", "fluent-bom", EN, None, 1)], ["--strict"]),
    case("complete-language-missing-key", [(EN, "c-factory = Factory\n", "")], [("error", "missing-key", EN, None, None)]),
    case("variables-differ", [(P, 'status = "draft-needs-native-review"', 'status = "complete"'), (FR, "rule-exploited = Exploited, { $who }", "rule-exploited = Exploité, { $qui }")], [("error", "variables-differ", FR, "rule-exploited", 1)]),
    case("complete-language-without-file", [(P, 'tag = "fr"\ndirection = "ltr"\nstatus = "draft-needs-native-review"', 'tag = "fr"\ndirection = "ltr"\nstatus = "complete"\n\n[[protocol.languages]]\ntag = "es"\ndirection = "ltr"\nstatus = "complete"')], [("error", "missing-translation", P, None, None)]),
    case("id-differs-from-directory", [(P, 'id = "CASE_ID"', 'id = "another-protocol"')], [("error", "id-mismatch", P, None, None)]),
    case("not-utf8", [(EN, "Farm", "F\udcffarm")], [("error", "not-utf8", EN, None, None)]),
    case("direction-mismatch", [(P, 'tag = "fr"\ndirection = "ltr"', 'tag = "fr"\ndirection = "rtl"')], [("warning", "direction-mismatch", P, None, None)], ["--strict"]),
    # --- warnings, which --strict turns into a failure ---------------------------------------------
    case("draft-missing-keys", [(FR, "c-farm = Farm\n", "")], [("warning", "draft-missing-keys", FR, None, None)], ["--strict"]),
    case("unused-key", [(EN, "safety-note = Be careful", "safety-note = Be careful\nsafety-nte = Typo")], [("warning", "unused-key", EN, "safety-nte", 1)], ["--strict"]),
    case("expired-referral", [], [("warning", "referral-expired", P, '"2030-01-01"\nsuggest_when = { level', 15)], ["--strict", "--today", "2031-06-01"]),
    case("review-overdue", [], [("warning", "review-overdue", P, None, None)], ["--strict", "--today", "2031-06-01"]),
]


def locate(text, needle):
    if needle is None:
        return 1
    i = text.find(needle)
    if i < 0:
        raise SystemExit(f"needle {needle!r} not found")
    return text[:i].count("\n") + 1


def main():
    root = os.path.join(HERE, "cases")
    shutil.rmtree(root, ignore_errors=True)
    for c in CASES:
        d = os.path.join(root, c["name"])
        files = dict(BASE)
        for f, old, new in c["edits"]:
            if old not in files[f]:
                raise SystemExit(f"{c['name']}: {old!r} not in {f}")
            files[f] = files[f].replace(old, new, 1)
        files = {k: v.replace("CASE_ID", c["name"]) for k, v in files.items()}
        for f, text in files.items():
            path = os.path.join(d, f)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as out:
                out.write(text.encode("utf-8", "surrogateescape"))
        lines = []
        if c["args"]:
            lines.append("args: " + " ".join(c["args"]))
        for severity, code, f, needle, column in c["expect"]:
            line = locate(files[f], needle and needle.replace("CASE_ID", c["name"]))
            lines.append(f"{severity} {code} {f}:{line}:{'*' if column is None else column}")
        with open(os.path.join(d, "expected"), "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    print(f"{len(CASES)} cases written")


if __name__ == "__main__":
    main()

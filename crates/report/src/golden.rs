//! Golden files for the two standard shapes: the HTCDS case-level export and the CTDC-named
//! aggregate tables. A change to either shape shows up as a diff against `golden/` in review.
//! After a deliberate change: `UPDATE_GOLDEN=1 cargo test -p fieldscreen-report golden`.

use crate::htcds::{htcds_case, to_csv, to_json};
use crate::tests::synthetic;
use crate::*;
use fieldscreen_vault::{CaseMeta, OrganisationType};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| "line count".to_string(), |n| format!("line {}", n + 1));
        panic!("{name} differs from its golden file at {line}:\n--- expected\n{expected}\n--- actual\n{actual}");
    }
}

pub(crate) fn protocol(dir: &str) -> std::sync::Arc<fieldscreen_protocol::Protocol> {
    fieldscreen_catalog::Catalog::bundled()
        .load(dir, None)
        .expect("bundled protocol loads")
        .protocol
        .clone()
}

#[test]
fn htcds_export_keeps_its_shape() {
    let today = jiff::civil::date(2026, 11, 28);
    let mut cases = Vec::new();
    for (dir, n, day) in [
        ("adult-trafficking", 1, 3),
        ("adult-trafficking", 2, 9),
        ("child-trafficking", 3, 17),
    ] {
        let p = protocol(dir);
        let session = synthetic::interview(p.clone(), n, |_, _| {});
        let meta = CaseMeta {
            protocol_id: p.header.id.clone(),
            protocol_version: p.header.version.to_string(),
            interviewer_lang: "en".into(),
            respondent_lang: Some("ar".into()),
            created_at: format!("2026-03-{day:02}T09:30:00Z"),
            organisation: [
                None,
                Some(OrganisationType::Ngo),
                Some(OrganisationType::LabourInspectorate),
            ][n as usize - 1],
        };
        // The first case's first suggested referral has been followed through to a service.
        let mut tracked = BTreeMap::new();
        if n == 1 {
            let outcome = session.outcome(today).expect("finished");
            let r = outcome.referrals.first().expect("a referral suggested");
            let mut t = ReferralTrack::suggested(r.category.name(), jiff::civil::date(2026, 3, 3));
            for (s, d) in [(Status::Offered, 3), (Status::Accepted, 4), (Status::Contacted, 10)] {
                t.record(s, jiff::civil::date(2026, 3, d), None).expect("step");
            }
            t.record(Status::ServiceReceived, jiff::civil::date(2026, 4, 2), None)
                .expect("step");
            tracked.insert(r.id.clone(), t);
        }
        // The second was referred to the national referral mechanism, and the police
        // identified the person.
        if n == 2 {
            let nrm = p
                .referrals
                .iter()
                .find(|r| r.category == fieldscreen_protocol::model::ReferralCategory::NationalReferralMechanism)
                .expect("an NRM referral");
            let mut t = ReferralTrack::suggested(nrm.category.name(), jiff::civil::date(2026, 3, 9));
            for (s, d) in [(Status::Offered, 9), (Status::Accepted, 9), (Status::Contacted, 10)] {
                t.record(s, jiff::civil::date(2026, 3, d), None).expect("step");
            }
            t.decide(AuthorityDecision {
                decision: Decision::Identified,
                date: jiff::civil::date(2026, 4, 20),
                decided_by: DecidedBy::Police,
            })
            .expect("decision");
            tracked.insert(nrm.id.clone(), t);
        }
        let same_person = (n == 2).then(|| "case-1".to_string());
        cases.push(htcds_case(&format!("case-{n}"), &meta, &session, today, &tracked, same_person).expect("consented"));
    }
    // Case 10 refuses consent: it has no place in a case-level export.
    let p = protocol("adult-trafficking");
    let refused = synthetic::interview(p.clone(), 10, |_, _| {});
    let meta = CaseMeta::for_protocol(&p, "en", None);
    assert!(htcds_case("case-10", &meta, &refused, today, &BTreeMap::new(), None).is_none());
    crate::htcds::conformance::check_export(&cases);
    assert_eq!(cases[1].trafficking_status, Some("ActualVictimOfTrafficking"));
    assert_eq!(cases[1].trafficking_status_decision_making_org, Some("Police"));

    assert!(
        cases.iter().any(|c| !c.methods_of_control.is_empty()),
        "no means of control fired"
    );
    assert!(cases.iter().any(|c| !c.referrals.is_empty()), "no referral suggested");
    golden("htcds-cases.csv", &to_csv(&cases));
    golden("htcds-cases.json", &to_json(&cases));
}

#[test]
fn ctdc_aggregate_keeps_its_shape() {
    let cases = synthetic(600, 7);
    let mut out = String::new();
    for by in [
        vec![Variable::Gender, Variable::AgeBand],
        vec![Variable::TypeOfExploitation],
        vec![Variable::ReferralCategory, Variable::ReferralStatus],
    ] {
        let t = tabulate(&cases, &by, "2026-01", "2026-12", MIN_K).expect("table");
        assert!(t.cells.iter().all(|c| c.count.is_none_or(|n| n >= MIN_K)));
        out.push_str(&t.to_csv());
        out.push('\n');
    }
    golden("ctdc-aggregates.csv", &out);
    let t = tabulate(&cases, &[Variable::Gender], "2026-01", "2026-12", MIN_K).expect("table");
    golden(
        "ctdc-gender.json",
        &(serde_json::to_string_pretty(&t).expect("json") + "\n"),
    );
}

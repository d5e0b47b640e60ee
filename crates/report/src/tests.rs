use crate::*;
use proptest::prelude::*;

fn case(month: &str, gender: Option<Gender>, age: Option<u32>, exploitation: &[&str]) -> CaseFacts {
    CaseFacts {
        month: month.into(),
        gender,
        age,
        minor: age.map(|a| a < 18),
        presumed_minor: false,
        state: fieldscreen_vault::CaseState::Completed,
        organisation: None,
        industry: None,
        identification: None,
        citizenship: None,
        country_of_exploitation: None,
        exploitation: exploitation.iter().map(|s| s.to_string()).collect(),
        means_of_control: Vec::new(),
        recruiter_relation: None,
        level: None,
        referrals: Vec::new(),
        views_consent: None,
        survivor_needs: Vec::new(),
        survivor_treatment: Vec::new(),
    }
}

#[test]
fn age_bands_follow_the_ctdc_boundaries() {
    let cases = [
        (0, "0-8"),
        (8, "0-8"),
        (9, "9-17"),
        (17, "9-17"),
        (18, "18-20"),
        (20, "18-20"),
        (21, "21-23"),
    ];
    for (age, band) in cases {
        assert_eq!(age_band(age), band, "age {age}");
    }
    for (age, band) in [
        (29, "27-29"),
        (30, "30-38"),
        (38, "30-38"),
        (39, "39-47"),
        (47, "39-47"),
        (48, "48+"),
        (99, "48+"),
    ] {
        assert_eq!(age_band(age), band, "age {age}");
    }
}

#[test]
fn k_can_be_raised_never_lowered_and_bad_requests_are_named() {
    let cases = vec![case("2026-01", None, None, &[])];
    assert_eq!(
        tabulate(&cases, &[Variable::Gender], "2026-01", "2026-12", 10).err(),
        Some(ReportError::KTooSmall(10))
    );
    assert!(tabulate(&cases, &[Variable::Gender], "2026-01", "2026-12", 25).is_ok());
    let three = [Variable::Gender, Variable::AgeBand, Variable::Month];
    assert_eq!(
        tabulate(&cases, &three, "2026-01", "2026-12", 11).err(),
        Some(ReportError::Dimensions(3))
    );
    assert_eq!(
        tabulate(&cases, &[Variable::Gender], "2026-13", "2026-12", 11).err(),
        Some(ReportError::BadMonth("2026-13".into()))
    );
    assert!(matches!(
        tabulate(&cases, &[Variable::Gender], "2026-12", "2026-01", 11),
        Err(ReportError::EmptyRange(..))
    ));
}

#[test]
fn a_lone_small_cell_takes_a_partner_with_it() {
    // 5 women, 40 men, 30 prefer not to say: the 5 is hidden, and so is the next smallest, or
    // the total would give it away.
    let mut cases = Vec::new();
    for (g, n) in [(Gender::Woman, 5), (Gender::Man, 40), (Gender::PreferNotToSay, 30)] {
        cases.extend((0..n).map(|_| case("2026-03", Some(g), Some(30), &[])));
    }
    let t = tabulate(&cases, &[Variable::Gender], "2026-01", "2026-12", 11).expect("table");
    let shown: Vec<(String, Option<u64>)> = t.cells.iter().map(|c| (c.key[0].clone(), c.count)).collect();
    // Every gender is listed, present or not; the 5 and the two empty categories are hidden
    // together, so the published 40 and 30 and the total 75 leave 5 spread over three.
    assert_eq!(
        shown,
        vec![
            ("woman".into(), None),
            ("man".into(), Some(40)),
            ("other".into(), None),
            ("prefer-not-to-say".into(), Some(30)),
            ("unknown".into(), None),
            ("total".into(), Some(75)),
        ]
    );
    // With only one other small category, the lone hidden cell takes a partner.
    let two: Vec<CaseFacts> = (0..40)
        .map(|_| case("2026-03", None, Some(30), &[]))
        .chain((0..3).map(|_| case("2026-03", None, Some(12), &[])))
        .collect();
    let t = tabulate(&two, &[Variable::MajorityStatus], "2026-01", "2026-12", 11).expect("table");
    let shown: Vec<(String, Option<u64>)> = t.cells.iter().map(|c| (c.key[0].clone(), c.count)).collect();
    assert_eq!(
        shown,
        vec![
            ("adult".into(), Some(40)),
            ("minor".into(), None),
            ("unknown".into(), None),
            ("total".into(), Some(43))
        ]
    );
}

#[test]
fn months_outside_the_range_are_not_counted() {
    let mut cases: Vec<CaseFacts> = (0..20).map(|_| case("2026-02", Some(Gender::Man), None, &[])).collect();
    cases.extend((0..30).map(|_| case("2025-12", Some(Gender::Man), None, &[])));
    let t = tabulate(&cases, &[Variable::Gender], "2026-01", "2026-06", 11).expect("table");
    let man = t.cells.iter().find(|c| c.key == ["man"]).expect("man");
    assert_eq!(man.count, Some(20));
}

/// Independent of the crate's code: a plain deterministic generator and a direct count.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

pub(crate) fn synthetic(n: usize, seed: u64) -> Vec<CaseFacts> {
    let mut r = Lcg(seed);
    let genders = [
        Some(Gender::Woman),
        Some(Gender::Man),
        Some(Gender::Other),
        Some(Gender::PreferNotToSay),
        None,
    ];
    let types = [
        "forced-labour",
        "sexual-exploitation",
        "forced-marriage",
        "forced-criminality",
    ];
    let countries = ["RO", "MD", "UA", "VN", "NG", "SD"];
    let levels = ["refer-now", "assess-further", "labour-rights-concern", "no-indication"];
    let categories = ["shelter", "legal", "nrm", "health"];
    let statuses = [
        "suggested",
        "offered",
        "accepted",
        "declined",
        "contacted",
        "service-received",
    ];
    (0..n)
        .map(|_| {
            let exploitation: Vec<String> = types.iter().filter(|_| r.next(3) == 0).map(|s| s.to_string()).collect();
            let age = (r.next(10) != 0).then(|| 5 + r.next(60) as u32);
            // One in ten of the rest presumed a child, whatever age they gave (or none).
            let presumed_minor = age.is_none_or(|a| a >= 18) && r.next(10) == 0;
            let minor = match age {
                _ if presumed_minor => Some(true),
                Some(a) => Some(a < 18),
                None => (r.next(2) == 0).then_some(false),
            };
            CaseFacts {
                month: format!("2026-{:02}", 1 + r.next(12)),
                gender: genders[r.next(5) as usize],
                age,
                minor,
                presumed_minor,
                state: fieldscreen_vault::CaseState::ALL[r.next(6) as usize],
                organisation: [
                    Some(fieldscreen_vault::OrganisationType::Ngo),
                    Some(fieldscreen_vault::OrganisationType::Police),
                    Some(fieldscreen_vault::OrganisationType::LabourInspectorate),
                    None,
                ][r.next(4) as usize],
                industry: ["A", "F", "T"].get(r.next(5) as usize).map(|s| s.to_string()),
                identification: [
                    Some(Decision::Identified),
                    Some(Decision::NotIdentified),
                    Some(Decision::Pending),
                    None,
                ][r.next(4) as usize],
                citizenship: Some(countries[r.next(6) as usize].to_string()),
                country_of_exploitation: (r.next(4) != 0).then(|| countries[r.next(3) as usize].to_string()),
                exploitation,
                means_of_control: Vec::new(),
                recruiter_relation: None,
                level: Some(levels[r.next(4) as usize].to_string()),
                referrals: (0..r.next(3))
                    .map(|_| Referral {
                        category: categories[r.next(4) as usize].into(),
                        status: statuses[r.next(6) as usize].into(),
                    })
                    .collect(),
                views_consent: [Some(true), Some(false), None][r.next(3) as usize],
                survivor_needs: Vec::new(),
                survivor_treatment: Vec::new(),
            }
        })
        .collect()
}

/// The value of one variable for one case, written out again for the check. `listed` is the
/// table's categories for the variable: a country not listed counts as "other".
fn holds(c: &CaseFacts, v: Variable, value: &str, listed: &[String]) -> bool {
    let unknown = value == "unknown";
    let country = |x: &Option<String>| match x {
        None => unknown,
        Some(x) if value == "other" => !listed.contains(x),
        Some(x) => x == value,
    };
    match v {
        Variable::Gender => c.gender.map_or(unknown, |g| g.code() == value),
        Variable::AgeBand => c.age.map_or(unknown, |a| age_band(a) == value),
        Variable::MajorityStatus => c
            .minor
            .map_or(unknown, |m| if m { value == "minor" } else { value == "adult" }),
        Variable::Citizenship => country(&c.citizenship),
        Variable::CountryOfExploitation => country(&c.country_of_exploitation),
        Variable::TypeOfExploitation => {
            let positive = ["assess-further", "refer-now"].contains(&c.level.as_deref().unwrap_or(""));
            if c.exploitation.is_empty() {
                if positive { unknown } else { value == "none" }
            } else {
                c.exploitation.iter().any(|e| e == value)
            }
        }
        Variable::OutcomeLevel => c.level.as_deref().map_or(unknown, |x| x == value),
        Variable::Month => c.month == value,
        Variable::ViewsConsent => c
            .views_consent
            .map_or(unknown, |given| value == if given { "yes" } else { "no" }),
        _ => false,
    }
}

#[test]
fn figures_for_five_thousand_cases_match_a_direct_count() {
    let cases = synthetic(5_000, 20261128);
    let pairs = [
        vec![Variable::Gender],
        vec![Variable::AgeBand],
        vec![Variable::Gender, Variable::AgeBand],
        vec![Variable::TypeOfExploitation, Variable::Gender],
        vec![Variable::Citizenship, Variable::CountryOfExploitation],
        vec![Variable::OutcomeLevel, Variable::MajorityStatus],
        vec![Variable::Month, Variable::OutcomeLevel],
        vec![Variable::ViewsConsent, Variable::Gender],
    ];
    let mut checked = 0;
    for by in &pairs {
        let t = tabulate(&cases, by, "2026-02", "2026-11", 11).expect("table");
        let in_range: Vec<&CaseFacts> = cases
            .iter()
            .filter(|c| c.month.as_str() >= "2026-02" && c.month.as_str() <= "2026-11")
            .collect();
        for cell in t.cells.iter().filter(|c| !c.key.iter().any(|k| k == "total")) {
            let direct = in_range
                .iter()
                .filter(|c| {
                    by.iter()
                        .zip(&cell.key)
                        .enumerate()
                        .all(|(d, (v, value))| holds(c, *v, value, &t.categories[d]))
                })
                .count() as u64;
            match cell.count {
                Some(n) => {
                    assert_eq!(n, direct, "{by:?} {:?}", cell.key);
                    checked += 1;
                }
                None => assert!(cell.suppression.hidden()),
            }
        }
    }
    assert!(checked > 100, "only {checked} cells were published");
}

#[test]
fn referral_category_and_status_come_from_the_same_referral() {
    let mut cases = Vec::new();
    for (first, second) in [("accepted", "declined"), ("declined", "accepted")] {
        for _ in 0..15 {
            let mut c = case("2026-05", None, None, &[]);
            c.referrals = vec![
                Referral {
                    category: "shelter".into(),
                    status: first.into(),
                },
                Referral {
                    category: "legal".into(),
                    status: second.into(),
                },
            ];
            cases.push(c);
        }
    }
    let t = tabulate(
        &cases,
        &[Variable::ReferralCategory, Variable::ReferralStatus],
        "2026-01",
        "2026-12",
        11,
    )
    .expect("table");
    let get = |a: &str, b: &str| t.cells.iter().find(|c| c.key == [a, b]).and_then(|c| c.count);
    // Crossing one referral's category with the other's status would make each of these 30.
    for (category, status) in [
        ("shelter", "accepted"),
        ("shelter", "declined"),
        ("legal", "accepted"),
        ("legal", "declined"),
    ] {
        assert_eq!(get(category, status), Some(15), "{category} {status}");
    }
    assert_eq!(get("total", "total"), Some(60));
}

/// Whether any hidden entry of a table is determined by the published ones: the lines of the
/// extended grid (every line adds up to its total) as linear equations in the hidden entries,
/// reduced by Gaussian elimination; an entry is determined when its unit vector lies in the
/// row space.
fn recoverable(grid: &[Vec<u64>], hidden: &[Vec<bool>]) -> Vec<(usize, usize)> {
    let rows = grid.len();
    let cols = grid[0].len();
    let unknowns: Vec<(usize, usize)> = (0..rows)
        .flat_map(|i| (0..cols).map(move |j| (i, j)))
        .filter(|&(i, j)| hidden[i][j])
        .collect();
    let index = |e: (usize, usize)| unknowns.iter().position(|&u| u == e);
    let mut equations: Vec<Vec<f64>> = Vec::new();
    let line = |entries: Vec<(usize, usize)>| {
        let mut eq = vec![0.0; unknowns.len()];
        let last = entries.len() - 1;
        for (n, e) in entries.into_iter().enumerate() {
            if let Some(x) = index(e) {
                eq[x] += if n == last { -1.0 } else { 1.0 };
            }
        }
        eq
    };
    for i in 0..rows {
        equations.push(line((0..cols).map(|j| (i, j)).collect()));
    }
    if rows > 1 {
        for j in 0..cols {
            equations.push(line((0..rows).map(|i| (i, j)).collect()));
        }
    }
    // Row-reduce.
    let mut basis: Vec<(usize, Vec<f64>)> = Vec::new();
    for mut eq in equations {
        for (pivot, b) in &basis {
            let f = eq[*pivot];
            if f.abs() > 1e-9 {
                for (x, y) in eq.iter_mut().zip(b) {
                    *x -= f * y;
                }
            }
        }
        if let Some(p) = eq.iter().position(|x| x.abs() > 1e-9) {
            let f = eq[p];
            eq.iter_mut().for_each(|x| *x /= f);
            for (_, b) in basis.iter_mut() {
                let g = b[p];
                if g.abs() > 1e-9 {
                    for (x, y) in b.iter_mut().zip(&eq) {
                        *x -= g * y;
                    }
                }
            }
            basis.push((p, eq));
        }
    }
    unknowns
        .iter()
        .enumerate()
        .filter(|&(x, _)| {
            let mut unit = vec![0.0_f64; unknowns.len()];
            unit[x] = 1.0;
            for (pivot, b) in &basis {
                let f = unit[*pivot];
                if f.abs() > 1e-9 {
                    for (u, y) in unit.iter_mut().zip(b) {
                        *u -= f * y;
                    }
                }
            }
            unit.iter().all(|u| u.abs() < 1e-9)
        })
        .map(|(_, &e)| e)
        .collect()
}

fn small_domain_cases() -> impl Strategy<Value = Vec<CaseFacts>> {
    let one = (0u8..4, 0u8..5, prop::option::of(0u32..70), 0u8..3).prop_map(|(g, c, age, t)| {
        let genders = [Gender::Woman, Gender::Man, Gender::Other, Gender::PreferNotToSay];
        let mut f = case(
            "2026-04",
            Some(genders[g as usize]),
            age,
            &[["forced-labour", "sexual-exploitation", "other"][t as usize]],
        );
        f.citizenship = Some(["RO", "MD", "UA", "VN", "NG"][c as usize].into());
        f
    });
    prop::collection::vec(one, 0..300)
}

fn variable() -> impl Strategy<Value = Variable> {
    prop::sample::select(vec![
        Variable::Gender,
        Variable::AgeBand,
        Variable::MajorityStatus,
        Variable::Citizenship,
        Variable::TypeOfExploitation,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_published_cell_is_below_k_and_none_hidden_can_be_worked_out(
        cases in small_domain_cases(),
        a in variable(),
        b in prop::option::of(variable()),
        k in 11u64..30,
    ) {
        let by: Vec<Variable> = match b { Some(b) if b != a => vec![a, b], _ => vec![a] };
        let t = tabulate(&cases, &by, "2026-01", "2026-12", k).expect("table");
        for c in &t.cells {
            if let Some(n) = c.count {
                prop_assert!(n >= k, "{:?} published {} < k={}", c.key, n, k);
            }
        }
        // The true grid from the cells' own keys and the published/hidden pattern.
        let true_count = |key: &[String]| -> u64 {
            cases
                .iter()
                .filter(|c| by.iter().zip(key).enumerate().all(|(d, (v, value))| value == "total" || holds(c, *v, value, &t.categories[d])))
                .count() as u64
        };
        // Every category is listed whoever is in the data, except countries held by k or more.
        for (d, v) in by.iter().enumerate() {
            if *v != Variable::Citizenship {
                let again = tabulate(&[], &by, "2026-01", "2026-12", k).expect("table");
                prop_assert_eq!(&t.categories[d], &again.categories[d]);
            }
        }
        let width = t.categories.last().map_or(0, |c| c.len() + 1);
        let (grid, hidden): (Vec<Vec<u64>>, Vec<Vec<bool>>) = t
            .cells
            .chunks(width)
            .map(|line| {
                let values = line.iter().map(|c| c.count.unwrap_or_else(|| true_count(&c.key))).collect::<Vec<_>>();
                (values, line.iter().map(|c| c.count.is_none()).collect::<Vec<_>>())
            })
            .unzip();
        // Totals of multi-valued variables count values, so only single-valued tables are
        // compared with a direct count of people.
        if !by.contains(&Variable::TypeOfExploitation) {
            for (line, cells) in grid.iter().zip(t.cells.chunks(width)) {
                for (v, c) in line.iter().zip(cells) {
                    prop_assert_eq!(*v, true_count(&c.key), "{:?}", c.key);
                }
            }
        }
        let exposed = recoverable(&grid, &hidden);
        prop_assert!(exposed.is_empty(), "hidden entries {:?} can be computed from the published ones", exposed);
    }
}

#[test]
fn the_checker_itself_finds_a_computable_cell() {
    // One hidden cell in a line with a published total: the checker must say so, or the
    // property above proves nothing.
    let grid = vec![vec![5, 40, 45], vec![20, 30, 50], vec![25, 70, 95]];
    let mut hidden = vec![vec![false; 3]; 3];
    hidden[0][0] = true;
    assert_eq!(recoverable(&grid, &hidden), vec![(0, 0)]);
    // A bridge: two hidden cells in row 0 and their column totals hidden too leave (2,2)...
    hidden[0][1] = true;
    hidden[2][0] = true;
    hidden[2][1] = true;
    assert!(recoverable(&grid, &hidden).is_empty());
}

#[test]
fn a_referral_moves_only_forward_with_dates_and_reasons() {
    let day = |d: i8| jiff::civil::date(2026, 11, d);
    let mut t = ReferralTrack::suggested("shelter", day(1));
    assert!(matches!(
        t.record(Status::Accepted, day(2), None),
        Err(TrackError::Order { .. })
    ));
    t.record(Status::Offered, day(2), None).expect("offered");
    assert_eq!(
        t.record(Status::Declined, day(2), Some("  ".into())),
        Err(TrackError::Reason("declined"))
    );
    t.record(Status::Accepted, day(3), None).expect("accepted");
    assert!(matches!(
        t.record(Status::Contacted, day(1), None),
        Err(TrackError::Date { .. })
    ));
    t.record(Status::Contacted, day(4), None).expect("contacted");
    assert_eq!(
        t.record(Status::ServiceNotReceived, day(5), None),
        Err(TrackError::Reason("service-not-received"))
    );
    t.record(Status::ServiceNotReceived, day(5), Some("no place free".into()))
        .expect("closed");
    assert_eq!(t.status(), Status::ServiceNotReceived);
    assert!(
        matches!(t.record(Status::Offered, day(6), None), Err(TrackError::Order { .. })),
        "a closed referral stays closed"
    );
    let steps: Vec<Status> = t.steps.iter().map(|s| s.status).collect();
    assert_eq!(
        steps,
        [
            Status::Suggested,
            Status::Offered,
            Status::Accepted,
            Status::Contacted,
            Status::ServiceNotReceived
        ]
    );
}

/// 5,000 interviews run through the engine across the bundled protocols, read into facts the
/// way a vault report reads them, then every published cell checked against a count made here
/// straight from the sessions' answers, with this test's own age bands and category names.
#[test]
fn five_thousand_interviews_across_the_bundled_protocols_match_a_count_from_their_answers() {
    use fieldscreen_protocol::{Answer, Session};
    let today = jiff::civil::date(2026, 11, 28);
    let protocols = ["adult-trafficking", "child-trafficking", "rapid-screen"].map(crate::golden::protocol);
    let sessions: Vec<(Session, String)> = (0..5_000u64)
        .map(|i| {
            let p = protocols[(i % 3) as usize].clone();
            let month = format!("2026-{:02}", 1 + (i * 7) % 12);
            (synthetic::interview(p, i, |_, _| {}), month)
        })
        .collect();
    let facts: Vec<CaseFacts> = sessions
        .iter()
        .map(|(s, m)| case_facts(s, m, None, today, &Default::default()))
        .collect();
    let answer = |s: &Session, id: &str| -> Option<Answer> {
        let q = s.protocol().question_index(id)?;
        if s.is_visible(q) { s.answer_of(q).cloned() } else { None }
    };
    let band = |age: i64| -> &'static str {
        let bounds = [
            (8, "0-8"),
            (17, "9-17"),
            (20, "18-20"),
            (23, "21-23"),
            (26, "24-26"),
            (29, "27-29"),
            (38, "30-38"),
            (47, "39-47"),
        ];
        bounds.iter().find(|(top, _)| age <= *top).map_or("48+", |(_, b)| *b)
    };
    let value = |s: &Session, v: Variable| -> String {
        match v {
            Variable::Gender => match answer(s, "gender") {
                Some(Answer::Choice(c)) if ["woman", "man", "other"].contains(&c.as_str()) => c,
                Some(Answer::PreferNotToSay) => "prefer-not-to-say".into(),
                _ => "unknown".into(),
            },
            Variable::AgeBand => match answer(s, "age") {
                Some(Answer::Number(n)) => band(n).into(),
                _ => "unknown".into(),
            },
            Variable::OutcomeLevel => {
                let finished = s.state() != &fieldscreen_protocol::State::InProgress;
                finished
                    .then(|| s.outcome(today))
                    .flatten()
                    .map_or("unknown".into(), |o| match s.state() {
                        fieldscreen_protocol::State::Completed
                        | fieldscreen_protocol::State::Ended(fieldscreen_protocol::EndReason::Emergency { .. }) => {
                            o.level.name().to_string()
                        }
                        _ => "incomplete".to_string(),
                    })
            }
            Variable::ViewsConsent => match answer(s, "views_consent") {
                Some(Answer::Yes) => "yes".into(),
                Some(Answer::No) => "no".into(),
                _ => "unknown".into(),
            },
            other => panic!("{other:?} is not checked here"),
        }
    };
    let mut checked = 0;
    for by in [
        vec![Variable::Gender, Variable::AgeBand],
        vec![Variable::OutcomeLevel, Variable::Gender],
        vec![Variable::ViewsConsent],
        vec![Variable::AgeBand],
    ] {
        let t = tabulate(&facts, &by, "2026-02", "2026-11", MIN_K).expect("table");
        for cell in t.cells.iter().filter(|c| !c.key.iter().any(|k| k == "total")) {
            let direct = sessions
                .iter()
                .filter(|(_, m)| m.as_str() >= "2026-02" && m.as_str() <= "2026-11")
                .filter(|(s, _)| by.iter().zip(&cell.key).all(|(v, k)| value(s, *v) == *k))
                .count() as u64;
            match cell.count {
                Some(n) => {
                    assert_eq!(n, direct, "{by:?} {:?}", cell.key);
                    checked += 1;
                }
                // Hidden: below k itself, or hidden beside one that is.
                None => assert!(cell.suppression.hidden()),
            }
        }
    }
    assert!(checked >= 29, "only {checked} cells were published");
}

/// Checks what every published pipeline must satisfy, whatever the counts: nothing published
/// below k, no published count closer than k to the nearest published count it is part of,
/// and no line that adds up to a total with exactly one count hidden.
fn assert_pipeline_is_protected(p: &Pipeline) {
    let k = p.k;
    for block in &p.blocks {
        let entries =
            |row: &PipelineRow| -> Vec<Option<u64>> { row.cells.iter().copied().chain([row.total]).collect() };
        for (s, row) in block.rows.iter().enumerate() {
            let line = entries(row);
            assert!(
                line.iter().flatten().all(|&n| n >= k),
                "{} {:?}: {line:?}",
                block.organisation,
                row.stage
            );
            if !row.cells.is_empty() {
                assert_ne!(
                    line.iter().filter(|c| c.is_none()).count(),
                    1,
                    "{:?}: one hidden",
                    row.stage
                );
            }
            for (c, entry) in line.iter().enumerate() {
                let Some(v) = *entry else { continue };
                let mut above = Stage::ALL[s].part_of();
                while let Some(a) = above {
                    if let Some(u) = entries(&block.rows[a as usize])[c] {
                        assert!(u == v || u - v >= k, "{:?} {v} under {a:?} {u}", Stage::ALL[s]);
                        break;
                    }
                    above = a.part_of();
                }
            }
        }
    }
    for (s, stage) in Stage::ALL.iter().enumerate() {
        let hidden = p.blocks.iter().filter(|b| b.rows[s].total.is_none()).count();
        assert_ne!(hidden, 1, "{stage:?}: one organisation total hidden");
    }
}

/// The identification pipeline over 5,000 interviews run through the engine (with referrals
/// followed and authority decisions recorded for some), each published count checked against
/// a count made here straight from the sessions and their tracks.
#[test]
fn the_pipeline_over_five_thousand_interviews_matches_a_direct_count() {
    use fieldscreen_protocol::model::ReferralCategory;
    use fieldscreen_vault::OrganisationType;
    let today = jiff::civil::date(2026, 11, 28);
    let protocols = ["adult-trafficking", "child-trafficking", "rapid-screen"].map(crate::golden::protocol);
    let orgs = [
        Some(OrganisationType::Ngo),
        Some(OrganisationType::Police),
        Some(OrganisationType::Shelter),
        None,
    ];
    struct Run {
        session: fieldscreen_protocol::Session,
        month: String,
        org: Option<OrganisationType>,
        tracks: std::collections::BTreeMap<String, ReferralTrack>,
    }
    let runs: Vec<Run> = (0..5_000u64)
        .map(|i| {
            let session = synthetic::interview(protocols[(i % 3) as usize].clone(), i, |_, _| {});
            let mut tracks = std::collections::BTreeMap::new();
            let d = |day| jiff::civil::date(2026, 6, day);
            if let Some(o) = session.outcome(today) {
                for (n, r) in o.referrals.iter().enumerate() {
                    let mut t = ReferralTrack::suggested(r.category.name(), d(1));
                    let steps: &[Status] = match (i / 3 + n as u64) % 5 {
                        0 => &[],
                        4 => &[Status::Offered],
                        1 => &[Status::Offered, Status::Declined],
                        2 => &[Status::Offered, Status::Accepted, Status::Contacted],
                        _ => &[
                            Status::Offered,
                            Status::Accepted,
                            Status::Contacted,
                            Status::ServiceReceived,
                        ],
                    };
                    for (day, s) in steps.iter().enumerate() {
                        let reason = s.needs_reason().then(|| "afraid".to_string());
                        t.record(*s, d(2 + day as i8), reason).expect("step");
                    }
                    if r.category == ReferralCategory::NationalReferralMechanism
                        && steps.get(1) == Some(&Status::Accepted)
                    {
                        let decision =
                            [Decision::Identified, Decision::Pending, Decision::NotIdentified][(i % 5 % 3) as usize];
                        t.decide(AuthorityDecision {
                            decision,
                            date: d(20),
                            decided_by: DecidedBy::Police,
                        })
                        .expect("decision");
                    }
                    tracks.insert(r.id.clone(), t);
                }
            }
            Run {
                session,
                month: format!("2026-{:02}", 1 + (i * 7) % 12),
                org: orgs[(i % 4) as usize],
                tracks,
            }
        })
        .collect();
    let facts: Vec<CaseFacts> = runs
        .iter()
        .map(|r| case_facts(&r.session, &r.month, r.org, today, &r.tracks))
        .collect();
    let p = pipeline(&facts, "2026-02", "2026-11", MIN_K).expect("pipeline");
    assert_pipeline_is_protected(&p);

    // The direct count: from the sessions' own answers and the tracks, not from the facts.
    let reached = |r: &Run, stage: Stage| -> bool {
        let result = (r.session.state() != &fieldscreen_protocol::State::InProgress)
            .then(|| r.session.outcome(today))
            .flatten()
            .and_then(|o| o.result);
        let status_in = |set: &[Status]| r.tracks.values().any(|t| set.contains(&t.status()));
        match stage {
            Stage::Screened => true,
            Stage::ScreenedPositive => result.is_some_and(|l| l >= fieldscreen_protocol::Level::AssessFurther),
            Stage::ReferNow => result == Some(fieldscreen_protocol::Level::ReferNow),
            Stage::Referred => status_in(&[
                Status::Accepted,
                Status::Contacted,
                Status::ServiceReceived,
                Status::ServiceNotReceived,
            ]),
            Stage::Identified => r
                .tracks
                .values()
                .any(|t| t.decision().is_some_and(|d| d.decision == Decision::Identified)),
            Stage::Assisted => status_in(&[Status::ServiceReceived]),
        }
    };
    let gender = |r: &Run| -> &'static str {
        let q = r.session.protocol().question_index("gender");
        match q
            .filter(|q| r.session.is_visible(*q))
            .and_then(|q| r.session.answer_of(q))
        {
            Some(fieldscreen_protocol::Answer::Choice(c)) if c == "woman" => "woman",
            Some(fieldscreen_protocol::Answer::Choice(c)) if c == "man" => "man",
            Some(fieldscreen_protocol::Answer::Choice(c)) if c == "other" => "other",
            _ => "unknown",
        }
    };
    let age_group = |r: &Run| match r.session.age_group() {
        Some(fieldscreen_protocol::model::AgeGroup::Child) => "minor",
        Some(fieldscreen_protocol::model::AgeGroup::Adult) => "adult",
        None => "unknown",
    };
    let in_range: Vec<&Run> = runs
        .iter()
        .filter(|r| r.month.as_str() >= "2026-02" && r.month.as_str() <= "2026-11")
        .collect();
    let mut published = 0;
    for block in &p.blocks {
        for row in &block.rows {
            let of_block =
                |r: &&&Run| block.organisation == "all" || r.org.map_or("unknown", |o| o.name()) == block.organisation;
            let direct_total = in_range
                .iter()
                .filter(of_block)
                .filter(|r| reached(r, row.stage))
                .count() as u64;
            if let Some(n) = row.total {
                assert_eq!(n, direct_total, "{} {:?}", block.organisation, row.stage);
                published += 1;
            }
            for (c, col) in p.columns.iter().enumerate().filter(|_| !row.cells.is_empty()) {
                let direct = in_range
                    .iter()
                    .filter(|r| reached(r, row.stage) && gender(r) == col.gender && age_group(r) == col.age_group)
                    .count() as u64;
                if let Some(n) = row.cells[c] {
                    assert_eq!(n, direct, "{:?} {col:?}", row.stage);
                    published += 1;
                }
            }
        }
    }
    // The pipeline shows the gap: persons assisted and persons formally identified differ.
    let all = &p.blocks[0];
    let total = |s: Stage| all.rows[s as usize].total;
    assert!(total(Stage::Assisted).is_some() && total(Stage::Identified).is_some());
    assert_ne!(total(Stage::Assisted), total(Stage::Identified));
    assert!(published >= 40, "only {published} counts were published");
}

#[test]
fn a_person_screened_twice_counts_once_by_the_latest_screening() {
    use crate::persons::{Screening, persons};
    let screening = |id: &str, at: &str, link: Option<&str>, level: &str| Screening {
        id: id.into(),
        created_at: at.into(),
        same_person_as: link.map(str::to_string),
        facts: CaseFacts {
            level: Some(level.into()),
            referrals: vec![Referral {
                category: format!("from-{id}"),
                status: "accepted".into(),
            }],
            ..case("2026-03", Some(Gender::Woman), Some(30), &[])
        },
        decided_on: None,
    };
    let out = persons(vec![
        // A rapid screen, then the full protocol linked to it, then a third interview linked to
        // the second: one person, counted by the third.
        screening("a", "2026-03-01T10:00:00Z", None, "refer-now"),
        screening("b", "2026-03-02T10:00:00Z", Some("a"), "assess-further"),
        screening("c", "2026-03-05T10:00:00Z", Some("b"), "no-indication"),
        screening("d", "2026-03-03T10:00:00Z", None, "refer-now"),
        // A link to a case that is not here joins nothing.
        screening("e", "2026-03-04T10:00:00Z", Some("gone"), "refer-now"),
    ]);
    assert_eq!(out.facts.len(), 3);
    assert_eq!(out.linked_interviews, 3);
    let first = &out.facts[0];
    assert_eq!(
        first.level.as_deref(),
        Some("no-indication"),
        "the latest screening decides"
    );
    assert_eq!(first.referrals.len(), 3, "every referral of the person is kept");
    // Linked in the other direction (the earlier case marked), the same person.
    let reversed = persons(vec![
        screening("a", "2026-03-01T10:00:00Z", Some("b"), "refer-now"),
        screening("b", "2026-03-02T10:00:00Z", None, "assess-further"),
    ]);
    assert_eq!(reversed.facts.len(), 1);
    assert_eq!(reversed.facts[0].level.as_deref(), Some("assess-further"));
}

#[test]
fn a_count_next_to_the_one_it_is_part_of_never_gives_away_a_small_difference() {
    // 15 women screened, 12 of them positive: both at least k, but publishing both says that 3
    // were not. 40 men screened, 40 positive: a difference of 0 gives nothing away.
    let mut facts = Vec::new();
    for (gender, screened, positive) in [(Gender::Woman, 15, 12), (Gender::Man, 40, 40)] {
        for n in 0..screened {
            let level = if n < positive { "refer-now" } else { "no-indication" };
            facts.push(CaseFacts {
                level: Some(level.into()),
                ..case("2026-03", Some(gender), Some(30), &[])
            });
        }
    }
    let p = pipeline(&facts, "2026-01", "2026-12", MIN_K).expect("pipeline");
    assert_pipeline_is_protected(&p);
    let all = &p.blocks[0];
    let col = |g: &str| {
        p.columns
            .iter()
            .position(|c| c.gender == g && c.age_group == "adult")
            .expect("column")
    };
    let (w, m) = (col("woman"), col("man"));
    let screened = &all.rows[Stage::Screened as usize];
    let positive = &all.rows[Stage::ScreenedPositive as usize];
    assert_eq!(screened.cells[w], Some(15));
    assert_eq!(positive.cells[w], None, "12 beside 15 would say 3");
    assert_eq!((screened.cells[m], positive.cells[m]), (Some(40), Some(40)));
    // The line of positives now has its women's count hidden, so a second count is hidden with
    // it, and the totals 55 and 52 (a difference of 3) cannot both stand either.
    assert!(positive.cells.iter().filter(|c| c.is_none()).count() >= 2);
    assert!(screened.total.is_none() || positive.total.is_none());
}

/// An adult interview answered as `given` says (by question id), every other yes/no question
/// answered the way that shows no indicator, other questions skipped; the safety check, age 30
/// and full consent first.
fn adult_story(given: &[(&str, fieldscreen_protocol::Answer)]) -> fieldscreen_protocol::Session {
    use fieldscreen_protocol::{Answer, Session, builtin};
    let mut s = Session::new(crate::golden::protocol("adult-trafficking"));
    s.start();
    while let Some(q) = s.current() {
        let id = q.id.clone();
        let fixed = match id.as_str() {
            builtin::SAFETY_ALONE | builtin::SAFETY_PLACE => Some(Answer::Yes),
            builtin::SAFETY_COMPANION => Some(Answer::No),
            builtin::SAFETY_INTERPRETER => Some(Answer::Choice("no-interpreter".into())),
            builtin::AGE => Some(Answer::Number(30)),
            builtin::AGE_DOCUMENTS => Some(Answer::Choice(builtin::DOCUMENTS_CONSISTENT.into())),
            builtin::CONSENT => Some(Answer::Choice(builtin::Consent::Full.code().into())),
            _ => None,
        };
        let wanted = given.iter().find(|(k, _)| *k == id).map(|(_, a)| a.clone()).or(fixed);
        let done = match wanted {
            Some(a) => s.answer(a).map(|_| ()).map_err(|e| e.to_string()),
            None => {
                // "No" to "were you paid as agreed?" is itself a sign: take the harmless answer.
                let fired = |s: &Session| {
                    s.outcome(jiff::civil::date(2026, 11, 28))
                        .map_or(0, |o| o.indicators.len())
                };
                let mut trial = s.clone();
                let harmless = if trial.answer(Answer::No).is_ok() && fired(&trial) <= fired(&s) {
                    Some(Answer::No)
                } else if matches!(q.kind, fieldscreen_protocol::model::Kind::YesNo) {
                    Some(Answer::Yes)
                } else {
                    None
                };
                match harmless {
                    Some(a) => s.answer(a).map(|_| ()).map_err(|e| e.to_string()),
                    None => s.skip().map(|_| ()).map_err(|e| e.to_string()),
                }
            }
        };
        done.unwrap_or_else(|e| panic!("`{id}`: {e}"));
    }
    s
}

/// Case stories for the reporting variables: what a national rapporteur would count for each.
#[test]
fn exploitation_and_control_are_counted_from_what_the_screening_found() {
    use fieldscreen_protocol::Answer;
    let today = jiff::civil::date(2026, 11, 28);
    let facts = |given: &[(&str, Answer)]| case_facts(&adult_story(given), "2026-05", None, today, &Default::default());
    let construction = ("sector", Answer::Choice("construction".into()));

    // A construction worker forced to have sex: sexual exploitation, whatever the sector says,
    // and sexual abuse as a means of control (never physical abuse).
    let forced_sex = facts(&[construction.clone(), ("sexual_exploitation", Answer::Yes)]);
    assert!(forced_sex.found_indication(), "level {:?}", forced_sex.level);
    assert!(
        forced_sex.exploitation.contains(&"sexual-exploitation".to_string()),
        "{:?}",
        forced_sex.exploitation
    );
    assert!(forced_sex.means_of_control.contains(&"sexual-abuse".to_string()));
    assert!(!forced_sex.means_of_control.contains(&"physical-abuse".to_string()));

    // A construction worker who paid a recruitment fee and found nothing else wrong: no
    // indication, so no exploitation type at all (not "forced labour"), and the fee is no debt
    // bondage.
    let fee_only = facts(&[
        construction.clone(),
        ("recruiter_relation", Answer::Choice("agency".into())),
        ("recruit_fee", Answer::Yes),
    ]);
    assert!(!fee_only.found_indication(), "level {:?}", fee_only.level);
    assert!(fee_only.exploitation.is_empty(), "{:?}", fee_only.exploitation);
    assert!(fee_only.means_of_control.is_empty(), "{:?}", fee_only.means_of_control);
    assert_eq!(fee_only.industry.as_deref(), Some("F"));

    // The fee, with documents held, debts that cannot be paid and threats: a positive screen of
    // forced labour with debt bondage, from the debt at destination, not from the fee.
    let coerced = facts(&[
        construction.clone(),
        ("recruiter_relation", Answer::Choice("agency".into())),
        ("recruit_fee", Answer::Yes),
        ("documents_held", Answer::Yes),
        ("debt", Answer::Yes),
        ("debt_unpayable", Answer::Yes),
        ("threatened", Answer::Yes),
    ]);
    assert!(coerced.found_indication(), "level {:?}", coerced.level);
    assert!(coerced.exploitation.contains(&"forced-labour".to_string()));
    assert!(coerced.means_of_control.contains(&"debt-bondage".to_string()));
    assert!(coerced.means_of_control.contains(&"withholds-documents".to_string()));

    // Recruited by family: family is the recruiter relation, not psychological abuse.
    let by_family = facts(&[
        construction.clone(),
        ("recruiter_relation", Answer::Choice("family".into())),
        ("documents_held", Answer::Yes),
        ("debt", Answer::Yes),
        ("debt_unpayable", Answer::Yes),
    ]);
    assert_eq!(by_family.recruiter_relation.as_deref(), Some("family"));
    assert!(!by_family.means_of_control.contains(&"psychological-abuse".to_string()));

    // An employer who holds the bank card restricts financial access.
    let card = facts(&[
        construction,
        ("bank_card_held", Answer::Yes),
        ("documents_held", Answer::Yes),
        ("threatened", Answer::Yes),
    ]);
    assert!(card.found_indication(), "level {:?}", card.level);
    assert!(
        card.means_of_control
            .contains(&"restricts-financial-access".to_string())
    );
}

#[test]
fn a_presumed_minor_of_uncertain_age_counts_as_a_child() {
    use fieldscreen_protocol::{Answer, builtin};
    let today = jiff::civil::date(2026, 11, 28);
    let s = adult_story(&[
        (builtin::AGE, Answer::PreferNotToSay),
        (builtin::AGE_MINOR_REASONS, Answer::Yes),
    ]);
    let f = case_facts(&s, "2026-05", None, today, &Default::default());
    assert_eq!(f.age, None);
    assert_eq!((f.minor, f.presumed_minor), (Some(true), true));
    let t = tabulate(
        &vec![f; 12],
        &[Variable::MajorityStatus, Variable::PresumedMinor],
        "2026-01",
        "2026-12",
        MIN_K,
    )
    .expect("table");
    let cell = t
        .cells
        .iter()
        .find(|c| c.key == ["minor", "yes"])
        .expect("minor, presumed");
    assert_eq!(cell.count, Some(12));
}

/// The survivors' views module's coded checklists reach the figures only for a person who
/// agreed to speak; their own words never do.
#[test]
fn survivors_needs_are_counted_only_for_those_who_agreed_to_speak() {
    use fieldscreen_protocol::Answer;
    let today = jiff::civil::date(2026, 11, 28);
    let codes = |c: &[&str]| Answer::Choices(c.iter().map(|s| s.to_string()).collect());
    let spoke = adult_story(&[
        ("views_consent", Answer::Yes),
        ("views_needs", Answer::Text("MARKER-OWN-WORDS".into())),
        ("views_needs_list", codes(&["shelter", "documents"])),
        ("views_treatment_list", codes(&["pressured-to-testify"])),
    ]);
    let f = case_facts(&spoke, "2026-05", None, today, &Default::default());
    assert_eq!(f.views_consent, Some(true));
    assert_eq!(f.survivor_needs, ["documents", "shelter"]);
    assert_eq!(f.survivor_treatment, ["pressured-to-testify"]);
    assert!(!format!("{f:?}").contains("MARKER-OWN-WORDS"));

    let declined = adult_story(&[("views_consent", Answer::No)]);
    let g = case_facts(&declined, "2026-05", None, today, &Default::default());
    assert_eq!(g.views_consent, Some(false));
    assert!(g.survivor_needs.is_empty() && g.survivor_treatment.is_empty());

    let mut all = vec![f; 12];
    all.extend(vec![g; 12]);
    let t = tabulate(&all, &[Variable::SurvivorNeeds], "2026-01", "2026-12", MIN_K).expect("table");
    let count = |k: &str| t.cells.iter().find(|c| c.key == [k]).and_then(|c| c.count);
    assert_eq!(count("shelter"), Some(12));
    assert_eq!(count("documents"), Some(12));
    assert_eq!(count("unknown"), Some(12), "those who did not agree are not asked");
    assert_eq!(count("safety"), None, "nobody: hidden like any count below k");
}

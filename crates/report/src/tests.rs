use crate::*;
use proptest::prelude::*;

fn case(month: &str, gender: Option<Gender>, age: Option<u32>, exploitation: &[&str]) -> CaseFacts {
    CaseFacts {
        month: month.into(),
        gender,
        age,
        citizenship: None,
        country_of_exploitation: None,
        exploitation: exploitation.iter().map(|s| s.to_string()).collect(),
        means_of_control: Vec::new(),
        recruiter_relation: None,
        level: None,
        referrals: Vec::new(),
        views_consent: None,
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
    let statuses = ["suggested", "offered", "accepted", "declined", "service-received"];
    (0..n)
        .map(|_| {
            let exploitation: Vec<String> = types.iter().filter(|_| r.next(3) == 0).map(|s| s.to_string()).collect();
            CaseFacts {
                month: format!("2026-{:02}", 1 + r.next(12)),
                gender: genders[r.next(5) as usize],
                age: (r.next(10) != 0).then(|| 5 + r.next(60) as u32),
                citizenship: Some(countries[r.next(6) as usize].to_string()),
                country_of_exploitation: (r.next(4) != 0).then(|| countries[r.next(3) as usize].to_string()),
                exploitation,
                means_of_control: Vec::new(),
                recruiter_relation: None,
                level: Some(levels[r.next(4) as usize].to_string()),
                referrals: (0..r.next(3))
                    .map(|_| Referral {
                        category: categories[r.next(4) as usize].into(),
                        status: statuses[r.next(5) as usize].into(),
                    })
                    .collect(),
                views_consent: [Some(true), Some(false), None][r.next(3) as usize],
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
            .age
            .map_or(unknown, |a| if a >= 18 { value == "adult" } else { value == "minor" }),
        Variable::Citizenship => country(&c.citizenship),
        Variable::CountryOfExploitation => country(&c.country_of_exploitation),
        Variable::TypeOfExploitation => {
            if c.exploitation.is_empty() {
                unknown
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
        .map(|(s, m)| case_facts(s, m, today, &Default::default()))
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

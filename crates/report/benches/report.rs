//! Time to tabulate and protect 100,000 cases: one-way and two-way tables, and the
//! identification pipeline.

use criterion::{Criterion, criterion_group, criterion_main};
use fieldscreen_report::{CaseFacts, Gender, Referral, Variable, tabulate};
use std::hint::black_box;

fn cases(n: u64) -> Vec<CaseFacts> {
    let genders = [Gender::Woman, Gender::Man, Gender::Other, Gender::PreferNotToSay];
    let countries = ["RO", "MD", "UA", "VN", "NG", "SD", "BG", "AL"];
    (0..n)
        .map(|i| {
            // A fixed, well-spread pattern: the bench needs volume, not randomness.
            let h = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let pick = |shift: u32, m: u64| ((h >> shift) % m) as usize;
            CaseFacts {
                month: format!("2026-{:02}", 1 + pick(3, 12)),
                gender: Some(genders[pick(7, 4)]),
                age: Some(5 + pick(11, 60) as u32),
                minor: Some(pick(11, 60) < 13),
                presumed_minor: false,
                state: fieldscreen_vault::CaseState::Completed,
                organisation: [None, Some(fieldscreen_vault::OrganisationType::Ngo)][pick(47, 2)],
                industry: None,
                identification: [None, Some(fieldscreen_report::Decision::Identified)][pick(53, 2)],
                citizenship: Some(countries[pick(17, 8)].into()),
                country_of_exploitation: Some(countries[pick(23, 3)].into()),
                exploitation: vec![["forced-labour", "sexual", "other"][pick(29, 3)].into()],
                means_of_control: vec!["debt-bondage".into()],
                recruiter_relation: None,
                level: Some(["refer-now", "assess-further", "no-indication"][pick(31, 3)].into()),
                referrals: vec![Referral {
                    category: ["shelter", "legal"][pick(37, 2)].into(),
                    status: ["accepted", "declined"][pick(41, 2)].into(),
                }],
                views_consent: Some(pick(43, 2) == 0),
                survivor_needs: vec!["safety".into()],
                survivor_treatment: Vec::new(),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let all = cases(100_000);
    let mut g = c.benchmark_group("report-100k-cases");
    g.sample_size(10);
    g.bench_function("identification pipeline", |b| {
        b.iter(|| fieldscreen_report::pipeline(black_box(&all), "2026-01", "2026-12", 11))
    });
    g.bench_function("gender", |b| {
        b.iter(|| tabulate(black_box(&all), &[Variable::Gender], "2026-01", "2026-12", 11))
    });
    g.bench_function("citizenship x age band", |b| {
        b.iter(|| {
            tabulate(
                black_box(&all),
                &[Variable::Citizenship, Variable::AgeBand],
                "2026-01",
                "2026-12",
                11,
            )
        })
    });
    g.bench_function("referral category x status", |b| {
        b.iter(|| {
            tabulate(
                black_box(&all),
                &[Variable::ReferralCategory, Variable::ReferralStatus],
                "2026-01",
                "2026-12",
                11,
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

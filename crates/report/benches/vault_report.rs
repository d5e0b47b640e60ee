//! A whole report from a real vault: `REPORT_CASES` interviews (default 10,000) run through the
//! engine and saved answer by answer with the recorder the app uses, then every case read
//! back into facts and tabulated. Prints the time of each part and the time per case.
//! `cargo bench -p fieldscreen-report --bench vault_report`

use fieldscreen_report::{Variable, synthetic, tabulate, vault_facts};
use fieldscreen_vault::{CaseMeta, Durability, KdfParams, Recorder, Vault};
use std::time::Instant;

fn main() {
    let n: u64 = std::env::var("REPORT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let loaded = fieldscreen_catalog::Catalog::bundled()
        .load("adult-trafficking", None)
        .expect("bundled protocol loads");
    let today = jiff::civil::date(2026, 11, 28);
    let dir = tempfile::tempdir().expect("dir");
    let kdf = KdfParams {
        m_kib: 8 * 1024,
        t: 1,
        p: 1,
    };
    drop(Vault::init(dir.path(), "bench passphrase", kdf).expect("init"));
    // NORMAL sync while filling: the fill is set-up, not what is measured.
    let mut vault = Vault::open_with(dir.path(), "bench passphrase", Durability::ProcessCrash).expect("open");

    let fill = Instant::now();
    let mut answers = 0u64;
    for i in 0..n {
        let mut recorder = Recorder::new(CaseMeta::for_protocol(&loaded.protocol, "en", None), today);
        synthetic::interview(loaded.protocol.clone(), i, |session, at| {
            recorder.after(&mut vault, session, at).expect("saved");
            answers += 1;
        });
        if (i + 1) % 1000 == 0 {
            eprint!("\r{} of {n} interviews saved", i + 1);
        }
    }
    eprintln!();
    let fill_secs = fill.elapsed().as_secs_f64();
    drop(vault);

    let vault = Vault::open(dir.path(), "bench passphrase").expect("open");
    // Where the reading time goes: loading the documents alone, then everything.
    let ids: Vec<String> = vault
        .list_cases(&fieldscreen_vault::CaseFilter::default())
        .expect("list")
        .into_iter()
        .map(|c| c.id)
        .collect();
    let docs = Instant::now();
    for id in &ids {
        vault.load_case(id).expect("case");
    }
    let docs_secs = docs.elapsed().as_secs_f64();
    let read = Instant::now();
    let protocol = loaded.protocol.clone();
    let all = vault_facts(
        &vault,
        |_| Some(protocol.clone()),
        today,
        |_, _| std::ops::ControlFlow::Continue(()),
    )
    .expect("facts");
    let read_secs = read.elapsed().as_secs_f64();
    let count = Instant::now();
    let tables = [
        vec![Variable::Gender, Variable::AgeBand],
        vec![Variable::TypeOfExploitation, Variable::Gender],
        vec![Variable::ReferralCategory, Variable::ReferralStatus],
        vec![Variable::OutcomeLevel],
    ];
    for by in &tables {
        tabulate(&all.facts, by, "2026-01", "2026-12", 11).expect("table");
    }
    let count_secs = count.elapsed().as_secs_f64();
    println!("{n} interviews, {answers} answers saved in {fill_secs:.1} s (set-up)");
    println!(
        "read {} cases into facts: {read_secs:.2} s ({:.0} µs per case)",
        all.facts.len(),
        read_secs * 1e6 / all.facts.len().max(1) as f64
    );
    println!(
        "  of which loading each case document once: {docs_secs:.2} s ({:.0} µs per case)",
        docs_secs * 1e6 / ids.len().max(1) as f64
    );
    println!("four tables with suppression: {:.1} ms", count_secs * 1e3);
    println!("report total: {:.2} s", read_secs + count_secs);
}

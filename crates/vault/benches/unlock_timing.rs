//! Whether a duress unlock can be told from a real one by its time. With the default key
//! derivation, `UNLOCKS` (default 50) unlocks of each kind, interleaved: the real passphrase,
//! a duress passphrase that opens the practice vault, a wrong passphrase, and a duress
//! passphrase that acts like a wrong one. Prints mean and spread of each and Welch's t for
//! the pairs an onlooker would compare; exits non-zero when |t| > 4 (clearly distinguishable).
//! `cargo bench -p fieldscreen-vault --bench unlock_timing`

use fieldscreen_vault::{DuressAction, KdfParams, Vault, attempts};
use std::time::Instant;

const REAL: &str = "correct horse battery staple";
const DECOY: &str = "a calm walk by the river";
const AS_WRONG: &str = "seven green lanterns at dusk";
const WRONG: &str = "not any of these at all";

fn stats(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var)
}

fn welch(a: &[f64], b: &[f64]) -> f64 {
    let ((ma, va), (mb, vb)) = (stats(a), stats(b));
    (ma - mb) / (va / a.len() as f64 + vb / b.len() as f64).sqrt()
}

fn main() {
    let n: usize = std::env::var("UNLOCKS").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    // Two vaults: one whose duress passphrase opens the practice vault, one where it acts
    // like a wrong passphrase (a vault has one duress passphrase).
    let decoy_dir = tempfile::tempdir().expect("dir");
    let wrong_dir = tempfile::tempdir().expect("dir");
    for (dir, pass, action) in [
        (&decoy_dir, DECOY, DuressAction::Decoy),
        (&wrong_dir, AS_WRONG, DuressAction::Wrong),
    ] {
        let mut v = Vault::init(dir.path(), REAL, KdfParams::DEFAULT).expect("init");
        drop(v.set_duress(pass, action, KdfParams::DEFAULT).expect("duress"));
    }
    let mut times: [Vec<f64>; 4] = Default::default();
    for i in 0..n {
        for k in 0..4 {
            // Rotate the order so that no kind always runs first.
            let kind = (k + i) % 4;
            let (dir, pass) = match kind {
                0 => (&decoy_dir, REAL),
                1 => (&decoy_dir, DECOY),
                2 => (&wrong_dir, WRONG),
                _ => (&wrong_dir, AS_WRONG),
            };
            let start = Instant::now();
            let opened = Vault::open(dir.path(), pass);
            let took = start.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(opened.is_ok(), kind < 2, "unlock kind {kind}");
            drop(opened);
            // Keep the backoff out of the measurement.
            attempts::write(dir.path(), 0).expect("reset the count");
            times[kind].push(took);
        }
        eprint!("\r{} of {n}", i + 1);
    }
    eprintln!();
    let names = ["real", "duress (practice vault)", "wrong", "duress (acts as wrong)"];
    for (name, t) in names.iter().zip(&times) {
        let (m, v) = stats(t);
        println!("{name:<26} mean {m:8.1} ms  sd {:6.1} ms  (n={})", v.sqrt(), t.len());
    }
    let t_open = welch(&times[0], &times[1]);
    let t_wrong = welch(&times[2], &times[3]);
    println!("Welch t, real vs duress opening the practice vault: {t_open:.2}");
    println!("Welch t, wrong vs duress acting as wrong:          {t_wrong:.2}");
    if t_open.abs() > 4.0 || t_wrong.abs() > 4.0 {
        eprintln!("distinguishable by time");
        std::process::exit(1);
    }
}

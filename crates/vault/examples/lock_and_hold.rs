//! Unlocks the vault in `FIELDSCREEN_VAULT` with `FIELDSCREEN_PASSPHRASE`, reads every answer
//! of every case, locks (drops the vault), says `locked` and waits for stdin to close. The
//! seized-device test reads this process's memory meanwhile: after the lock no answer may be
//! left in it.

use fieldscreen_vault::{CaseFilter, Vault};
use std::io::{Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::var(fieldscreen_vault::DIR_ENV)?;
    let passphrase = zeroize::Zeroizing::new(std::env::var("FIELDSCREEN_PASSPHRASE")?);
    let mut read = 0usize;
    {
        let vault = Vault::open(std::path::Path::new(&dir), &passphrase)?;
        for case in vault.list_cases(&CaseFilter::default())? {
            for (question, answer) in vault.load_case(&case.id)?.answers()? {
                // As a screen would: the answer formatted into text.
                read += format!("{question}: {answer:?}").len();
            }
        }
    }
    let mut out = std::io::stdout();
    writeln!(out, "locked {read}")?;
    out.flush()?;
    let mut rest = Vec::new();
    std::io::stdin().read_to_end(&mut rest)?;
    Ok(())
}

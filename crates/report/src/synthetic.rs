//! Synthetic interviews for tests and benchmarks: every question of a real protocol answered
//! through the real engine from a seed, so case sets are large, varied and reproducible. Nothing
//! here comes from a person.

use fieldscreen_protocol::{Answer, Kind, Protocol, Session};
use std::sync::Arc;

/// An answer of the right kind for any question, varied by `seed`.
pub fn answer(kind: &Kind, seed: u64) -> Answer {
    match kind {
        Kind::YesNo | Kind::Observation => {
            if seed.is_multiple_of(3) {
                Answer::Yes
            } else {
                Answer::No
            }
        }
        Kind::Single(c) => Answer::Choice(c[(seed as usize) % c.len()].code.clone()),
        Kind::Multiple(c) => Answer::Choices([c[(seed as usize) % c.len()].code.clone()].into()),
        // Adults of 18 to 57 where the question allows adults; otherwise anywhere in its range.
        Kind::Number { min, max } if *max < 18 => Answer::Number(min + (seed % (max - min + 1).max(1) as u64) as i64),
        Kind::Number { min, max } => Answer::Number((18 + (seed % 40) as i64).clamp(*min, *max)),
        Kind::Country => Answer::Country(["MD", "RO", "UA", "VN", "NG", "SD"][(seed % 6) as usize].into()),
        Kind::Note => Answer::Acknowledged,
        _ => Answer::DontKnow,
    }
}

/// Runs interview number `case` to its end. The setting is safe and there is no immediate
/// danger, so most interviews run to the end as they do in the field; one in ten people
/// refuses consent. `after` hears every engine step with the question it changed (the bench
/// saves there).
pub fn interview(protocol: Arc<Protocol>, case: u64, mut after: impl FnMut(&Session, Option<usize>)) -> Session {
    let mut session = Session::new(protocol);
    session.start();
    let mut step = 0u64;
    while let Some(q) = session.current() {
        use fieldscreen_protocol::builtin::{self, Consent};
        let fixed = match q.id.as_str() {
            builtin::SAFETY_ALONE | builtin::SAFETY_PLACE | builtin::ASSENT => Some(Answer::Yes),
            builtin::SAFETY_COMPANION | "danger_now" | "medical_urgent" => Some(Answer::No),
            builtin::SAFETY_INTERPRETER => Some(Answer::Choice("no-interpreter".into())),
            builtin::CONSENT => {
                let consent = if case.is_multiple_of(10) {
                    Consent::Refused
                } else {
                    Consent::Full
                };
                Some(Answer::Choice(consent.code().into()))
            }
            _ => None,
        };
        let given = fixed.unwrap_or_else(|| answer(&q.kind, case.wrapping_mul(31).wrapping_add(step * 7)));
        let at = session.current_index();
        if session.answer(given).is_err() && session.skip().is_err() {
            break;
        }
        after(&session, at);
        step += 1;
    }
    session
}

/// The bundled protocol a new practice vault's interviews follow.
pub const PRACTICE_PROTOCOL: &str = "adult-trafficking";
/// How many interviews a new practice vault opens on.
pub const PRACTICE_INTERVIEWS: u64 = 3;

/// Why a duress passphrase could not be set with its practice vault.
#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    /// The vault refused the passphrase or could not save.
    #[error(transparent)]
    Vault(#[from] fieldscreen_vault::VaultError),
    /// The bundled practice protocol did not load (a broken build).
    #[error(transparent)]
    Protocol(#[from] fieldscreen_catalog::CatalogError),
}

/// Sets the vault's duress passphrase (`action`: what it does when typed). When the action
/// opens a new practice vault, that vault is filled with a few plausible interviews of the
/// bundled `PRACTICE_PROTOCOL`, recorded in English, so that whoever forced it open finds an
/// ordinary worker's vault. Every front end sets a duress passphrase through here.
pub fn set_duress(
    vault: &mut fieldscreen_vault::Vault,
    duress: &str,
    action: fieldscreen_vault::DuressAction,
    params: fieldscreen_vault::KdfParams,
    today: jiff::civil::Date,
) -> Result<(), PracticeError> {
    if let Some(mut practice) = vault.set_duress(duress, action, params)? {
        let loaded = fieldscreen_catalog::Catalog::bundled().load(PRACTICE_PROTOCOL, None)?;
        record(&mut practice, &loaded.protocol, "en", PRACTICE_INTERVIEWS, today)?;
    }
    Ok(())
}

/// Records `count` synthetic interviews into `vault`, answer by answer through the recorder the
/// app uses: the practice interviews a duress passphrase's practice vault opens on, and the
/// benches' case sets. Returns the number of answers saved.
pub fn record(
    vault: &mut fieldscreen_vault::Vault,
    protocol: &Arc<Protocol>,
    lang: &str,
    count: u64,
    today: jiff::civil::Date,
) -> Result<u64, fieldscreen_vault::VaultError> {
    let mut saved = 0u64;
    // From 1: interview 0 is a refusal, not what a practice vault opens on.
    for i in 1..=count {
        let mut recorder =
            fieldscreen_vault::Recorder::new(fieldscreen_vault::CaseMeta::for_protocol(protocol, lang, None), today);
        let mut failed = None;
        interview(protocol.clone(), i, |session, at| {
            if failed.is_none() {
                match recorder.after(vault, session, at) {
                    Ok(()) => saved += 1,
                    Err(e) => failed = Some(e),
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
    }
    Ok(saved)
}

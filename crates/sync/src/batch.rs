//! The plain content of a batch, before sealing: `FSB1`, a count, then for each case its id and
//! the bytes that bring a peer up to date; then, only when the device erased cases, a count and
//! their ids. The decoder trusts nothing (it runs on whatever a relay hands over, after
//! authentication, and is fuzzed) and accepts one encoding of each batch only.

use fieldscreen_vault::{Batch, CaseUpdate};

const MAGIC: &[u8; 4] = b"FSB1";
/// More cases than any batch under the size limit can hold.
const MAX_CASES: usize = 100_000;

/// Why an opened batch could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BatchError {
    /// It does not start as a batch does.
    #[error("not a FieldScreen batch")]
    Magic,
    /// It ends inside the named part.
    #[error("the batch is cut short ({0})")]
    Truncated(&'static str),
    /// The named part breaks a limit or the format.
    #[error("the batch is malformed ({0})")]
    Malformed(&'static str),
}

/// The size `encode_batch` gives a case update, for filling batches up to the limit.
pub fn encoded_update_len(update: &CaseUpdate) -> usize {
    6 + update.case_id.len() + update.bytes.len()
}

/// The size `encode_batch` gives an erasure (the section's count aside).
pub fn encoded_erasure_len(case_id: &str) -> usize {
    2 + case_id.len()
}

/// A batch as bytes, before it is sealed.
pub fn encode_batch(batch: &Batch) -> Vec<u8> {
    let updates = &batch.updates;
    let mut out = Vec::with_capacity(
        12 + updates.iter().map(encoded_update_len).sum::<usize>()
            + batch.erased.iter().map(|id| encoded_erasure_len(id)).sum::<usize>(),
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&u32::try_from(updates.len()).unwrap_or(u32::MAX).to_be_bytes());
    for u in updates {
        out.extend_from_slice(&u16::try_from(u.case_id.len()).unwrap_or(u16::MAX).to_be_bytes());
        out.extend_from_slice(u.case_id.as_bytes());
        out.extend_from_slice(&u32::try_from(u.bytes.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(&u.bytes);
    }
    if !batch.erased.is_empty() {
        out.extend_from_slice(&u32::try_from(batch.erased.len()).unwrap_or(u32::MAX).to_be_bytes());
        for id in &batch.erased {
            out.extend_from_slice(&u16::try_from(id.len()).unwrap_or(u16::MAX).to_be_bytes());
            out.extend_from_slice(id.as_bytes());
        }
    }
    out
}

fn take_count(rest: &mut &[u8], what: &'static str) -> Result<usize, BatchError> {
    let b = take(rest, 4, what)?;
    let count = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
    if count > MAX_CASES {
        return Err(BatchError::Malformed("too many cases"));
    }
    Ok(count)
}

fn take_case_id(rest: &mut &[u8]) -> Result<String, BatchError> {
    let len = take(rest, 2, "case id length")?;
    let len = u16::from_be_bytes([len[0], len[1]]) as usize;
    let id = std::str::from_utf8(take(rest, len, "case id")?).map_err(|_| BatchError::Malformed("case id"))?;
    if !valid_case_id(id) {
        return Err(BatchError::Malformed("case id"));
    }
    Ok(id.to_string())
}

fn take<'a>(rest: &mut &'a [u8], n: usize, what: &'static str) -> Result<&'a [u8], BatchError> {
    if rest.len() < n {
        return Err(BatchError::Truncated(what));
    }
    let (head, tail) = rest.split_at(n);
    *rest = tail;
    Ok(head)
}

/// A case id as the vault makes them (a UUID), so a batch cannot name anything else.
fn valid_case_id(id: &str) -> bool {
    id.len() == 36 && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

/// A batch from its bytes, after it was opened; anything malformed is refused, never guessed.
pub fn decode_batch(bytes: &[u8]) -> Result<Batch, BatchError> {
    let mut rest = bytes;
    if take(&mut rest, 4, "magic").map_err(|_| BatchError::Magic)? != MAGIC {
        return Err(BatchError::Magic);
    }
    let count = take_count(&mut rest, "count")?;
    let mut updates = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let case_id = take_case_id(&mut rest)?;
        let len = take(&mut rest, 4, "update length")?;
        let len = u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let body = take(&mut rest, len, "update")?;
        updates.push(CaseUpdate {
            case_id,
            bytes: body.to_vec(),
        });
    }
    let mut erased = Vec::new();
    if !rest.is_empty() {
        let count = take_count(&mut rest, "erasure count")?;
        if count == 0 {
            // The encoder leaves an empty section out; one encoding per batch.
            return Err(BatchError::Malformed("an empty erasure section"));
        }
        for _ in 0..count {
            erased.push(take_case_id(&mut rest)?);
        }
        if !rest.is_empty() {
            return Err(BatchError::Malformed("bytes after the last erasure"));
        }
    }
    Ok(Batch { updates, erased })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `cargo fuzz run batch_decode`: a batch whose case update makes automerge 0.12
    /// panic while decoding. It must come back as an error, the case untouched.
    #[test]
    fn an_update_that_makes_automerge_panic_is_refused_as_malformed() {
        let batch = include_bytes!("../../../fuzz/regressions/automerge-load-panic.bin");
        let decoded = decode_batch(batch).expect("the batch itself is well formed");
        let loaded = fieldscreen_vault::CaseDoc::load(None, [decoded.updates[0].bytes.as_slice()], &[1; 16]);
        assert!(loaded.is_err());
        let mut vault = fieldscreen_vault::Vault::in_memory().expect("vault");
        let err = vault
            .receive(&decoded, &fieldscreen_vault::Ledger::state("c", b"1"), &mut |_| None)
            .expect_err("refused");
        assert!(err.to_string().contains("malformed"), "{err}");
        assert!(vault.list_cases(&Default::default()).expect("list").is_empty());
    }

    #[test]
    fn batches_round_trip_and_damage_is_refused() {
        let updates = Batch {
            updates: vec![
                CaseUpdate {
                    case_id: "0b5c0b52-6a1f-4e0e-9a0e-2f6f3b3f7a11".into(),
                    bytes: vec![1, 2, 3],
                },
                CaseUpdate {
                    case_id: "9e2d41aa-1b2c-4d5e-8f90-123456789abc".into(),
                    bytes: Vec::new(),
                },
            ],
            erased: Vec::new(),
        };
        let bytes = encode_batch(&updates);
        assert_eq!(decode_batch(&bytes), Ok(updates.clone()));
        for cut in 0..bytes.len() {
            assert!(decode_batch(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let with_erasures = Batch {
            erased: vec!["3f1e0c9a-5b7d-4e2f-a1c3-d5e7f9a1b3c5".into()],
            ..updates
        };
        let bytes_e = encode_batch(&with_erasures);
        assert_eq!(decode_batch(&bytes_e), Ok(with_erasures.clone()));
        // Every cut inside the erasure section is refused; a cut right before it is a batch
        // without erasures, which is what the encoder makes of one.
        for cut in bytes.len() + 1..bytes_e.len() {
            assert!(decode_batch(&bytes_e[..cut]).is_err(), "cut at {cut}");
        }
        let mut empty_section = bytes.clone();
        empty_section.extend_from_slice(&[0, 0, 0, 0]);
        assert_eq!(
            decode_batch(&empty_section),
            Err(BatchError::Malformed("an empty erasure section"))
        );
        let mut bad_erasure = bytes_e.clone();
        let last = bad_erasure.len() - 1;
        bad_erasure[last] = b'/';
        assert_eq!(decode_batch(&bad_erasure), Err(BatchError::Malformed("case id")));
        let mut extra = bytes_e.clone();
        extra.push(0);
        assert!(decode_batch(&extra).is_err());
        let mut bad_id = bytes.clone();
        bad_id[10] = b'/';
        assert_eq!(decode_batch(&bad_id), Err(BatchError::Malformed("case id")));
    }
}

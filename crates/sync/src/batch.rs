//! The plain content of a batch, before sealing: `FSB1`, a count, then for each case its id and
//! the bytes that bring a peer up to date. The decoder trusts nothing (it runs on whatever a
//! relay hands over, after authentication, and is fuzzed).

use fieldscreen_vault::CaseUpdate;

const MAGIC: &[u8; 4] = b"FSB1";
/// More cases than any batch under the size limit can hold.
const MAX_CASES: usize = 100_000;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BatchError {
    #[error("not a FieldScreen batch")]
    Magic,
    #[error("the batch is cut short ({0})")]
    Truncated(&'static str),
    #[error("the batch is malformed ({0})")]
    Malformed(&'static str),
}

pub fn encode_batch(updates: &[CaseUpdate]) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        8 + updates
            .iter()
            .map(|u| 6 + u.case_id.len() + u.bytes.len())
            .sum::<usize>(),
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&u32::try_from(updates.len()).unwrap_or(u32::MAX).to_be_bytes());
    for u in updates {
        out.extend_from_slice(&u16::try_from(u.case_id.len()).unwrap_or(u16::MAX).to_be_bytes());
        out.extend_from_slice(u.case_id.as_bytes());
        out.extend_from_slice(&u32::try_from(u.bytes.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(&u.bytes);
    }
    out
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

pub fn decode_batch(bytes: &[u8]) -> Result<Vec<CaseUpdate>, BatchError> {
    let mut rest = bytes;
    if take(&mut rest, 4, "magic").map_err(|_| BatchError::Magic)? != MAGIC {
        return Err(BatchError::Magic);
    }
    let count = u32::from_be_bytes([0, 1, 2, 3].map(|i| rest.get(i).copied().unwrap_or(0)));
    take(&mut rest, 4, "count")?;
    let count = count as usize;
    if count > MAX_CASES {
        return Err(BatchError::Malformed("too many cases"));
    }
    let mut out = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let id_len = take(&mut rest, 2, "case id length")?;
        let id_len = u16::from_be_bytes([id_len[0], id_len[1]]) as usize;
        let id =
            std::str::from_utf8(take(&mut rest, id_len, "case id")?).map_err(|_| BatchError::Malformed("case id"))?;
        if !valid_case_id(id) {
            return Err(BatchError::Malformed("case id"));
        }
        let len = take(&mut rest, 4, "update length")?;
        let len = u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let body = take(&mut rest, len, "update")?;
        out.push(CaseUpdate {
            case_id: id.to_string(),
            bytes: body.to_vec(),
        });
    }
    if !rest.is_empty() {
        return Err(BatchError::Malformed("bytes after the last case"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `cargo fuzz run batch_decode`: a batch whose case update makes automerge 0.12
    /// panic while decoding. It must come back as an error, the case untouched.
    #[test]
    fn an_update_that_makes_automerge_panic_is_refused_as_malformed() {
        let batch = include_bytes!("../../../fuzz/regressions/automerge-load-panic.bin");
        let updates = decode_batch(batch).expect("the batch itself is well formed");
        let loaded = fieldscreen_vault::CaseDoc::load(None, [updates[0].bytes.as_slice()], &[1; 16]);
        assert!(loaded.is_err());
        let mut vault = fieldscreen_vault::Vault::in_memory().expect("vault");
        let err = vault.receive(&updates, "c", b"1", &mut |_| None).expect_err("refused");
        assert!(err.to_string().contains("malformed"), "{err}");
        assert!(vault.list_cases(&Default::default()).expect("list").is_empty());
    }

    #[test]
    fn batches_round_trip_and_damage_is_refused() {
        let updates = vec![
            CaseUpdate {
                case_id: "0b5c0b52-6a1f-4e0e-9a0e-2f6f3b3f7a11".into(),
                bytes: vec![1, 2, 3],
            },
            CaseUpdate {
                case_id: "9e2d41aa-1b2c-4d5e-8f90-123456789abc".into(),
                bytes: Vec::new(),
            },
        ];
        let bytes = encode_batch(&updates);
        assert_eq!(decode_batch(&bytes), Ok(updates));
        for cut in 0..bytes.len() {
            assert!(decode_batch(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(decode_batch(&extra).is_err());
        let mut bad_id = bytes.clone();
        bad_id[10] = b'/';
        assert_eq!(decode_batch(&bad_id), Err(BatchError::Malformed("case id")));
    }
}

//! Sync without a server: every case of the team, whole, in one file sealed under the team's
//! current epoch key and signed by the device that made it, carried on a USB stick or SD card,
//! with every erasure the device knows of. Importing merges exactly as a batch from the relay
//! would: nothing is overwritten, concurrent edits become conflicts, an erased case goes. A
//! bundle is taken only from a device that is still a member of the team: a revoked phone's
//! file erases and changes nothing. Cases kept on the device when it joined are left out.

use crate::batch::{decode_batch, encode_batch};
use crate::client::SyncError;
use crate::sealing::{open_batch, seal_batch};
use crate::team::Team;
use fieldscreen_team::LogError;
use fieldscreen_vault::{Batch, CaseDoc, CaseFilter, CaseIndex, CaseUpdate, Ledger, Received, Vault};

const MAGIC: &[u8] = b"FIELDSCREEN-BUNDLE 1\n";
/// Bound into the sealing in place of a batch number: a bundle cannot pass for a relay batch.
const BUNDLE_SEQ: u64 = 0;

/// Every case of the vault, whole, sealed for the team. Returns the file's bytes and the count.
pub fn export(vault: &mut Vault, team: &Team) -> Result<(Vec<u8>, usize), SyncError> {
    let ids: Vec<String> = vault
        .list_cases(&CaseFilter::default())?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut updates = Vec::with_capacity(ids.len());
    for id in ids {
        if vault.is_local(&id)? {
            continue;
        }
        let bytes = vault.load_case(&id)?.save();
        updates.push(CaseUpdate { case_id: id, bytes });
    }
    let count = updates.len();
    let plain = encode_batch(&Batch {
        updates,
        erased: vault.erasures()?,
    });
    let sealed = seal_batch(team, BUNDLE_SEQ, &plain)?;
    let mut out = MAGIC.to_vec();
    out.push(u8::try_from(team.device_id.len()).unwrap_or(0));
    out.extend_from_slice(team.device_id.as_bytes());
    out.extend_from_slice(&sealed);
    vault.record_action(fieldscreen_vault::AuditAction::BundleExported { cases: count }, None)?;
    Ok((out, count))
}

/// Merges a bundle made by a device that is still in the team.
pub fn import(
    vault: &mut Vault,
    team: &Team,
    bytes: &[u8],
    index: &mut dyn FnMut(&CaseDoc) -> Option<CaseIndex>,
) -> Result<Received, SyncError> {
    let bad = |what: &'static str| SyncError::Batch {
        device: "?".into(),
        source: crate::batch::BatchError::Malformed(what),
    };
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| bad("not a FieldScreen bundle"))?;
    let (&len, rest) = rest.split_first().ok_or_else(|| bad("cut short"))?;
    if rest.len() < usize::from(len) {
        return Err(bad("cut short"));
    }
    let (device, sealed) = rest.split_at(usize::from(len));
    let device = std::str::from_utf8(device).map_err(|_| bad("device id"))?;
    if team.state.device(device).is_some_and(|d| !d.active()) {
        return Err(SyncError::Open(crate::OpenError::Writer {
            device: device.to_string(),
            seq: BUNDLE_SEQ,
            source: LogError::RevokedWriter {
                device: device.to_string(),
            },
        }));
    }
    let plain = open_batch(team, device, BUNDLE_SEQ, sealed)?;
    let batch = decode_batch(&plain).map_err(|source| SyncError::Batch {
        device: device.to_string(),
        source,
    })?;
    let got = vault.receive(&batch, &Ledger::state("bundle/last-import", device.as_bytes()), index)?;
    vault.record_action(
        fieldscreen_vault::AuditAction::BundleImported {
            cases: batch.updates.len(),
        },
        None,
    )?;
    Ok(got)
}

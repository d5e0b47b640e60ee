//! The audit log: what was done to the vault, when, by which device; never an answer. Every
//! entry is an [`AuditAction`], written by [`record`] in the caller's transaction, so a local
//! edit and a merge from the team log the same way.

use rusqlite::{Connection, params};
use std::fmt;

/// What an audit entry says was done. Its text in the log (`Display`) is the one serialised
/// form; entries written before this type existed read back as the same texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditAction {
    /// The vault was created.
    VaultCreated,
    /// The vault was unlocked.
    Unlocked {
        /// After wrong passphrases.
        after_failures: bool,
    },
    /// The passphrase was changed.
    PassphraseChanged {
        /// And the database was encrypted again under a new key.
        rekeyed: bool,
    },
    /// A duress passphrase was set.
    DuressSet,
    /// The duress passphrase was removed.
    DuressCleared,
    /// What wrong passphrases lead to was changed.
    UnlockPolicySet,
    /// A case was created (after consent).
    CaseCreated,
    /// A case was deleted here.
    CaseDeleted,
    /// A case was deleted because another device of the team erased it.
    CaseErasedByTeam,
    /// A referral moved a step on.
    ReferralMoved,
    /// An authority's identification decision was recorded.
    IdentificationDecided,
    /// A table of figures was published.
    ReportPublished,
    /// Cases were exported.
    CasesExported,
    /// An HTCDS export was made.
    HtcdsExported {
        /// How many cases it holds (never which).
        cases: usize,
    },
    /// A sync bundle was written for a USB stick.
    BundleExported {
        /// How many cases it holds.
        cases: usize,
    },
    /// A sync bundle was read.
    BundleImported {
        /// How many cases it held.
        cases: usize,
    },
    /// A sync with the relay finished.
    Synced {
        /// Batches sent.
        sent: usize,
        /// Batches received.
        received: usize,
    },
    /// A conflict between two devices' answers was resolved by a person.
    ConflictResolved {
        /// The question's id.
        question: String,
    },
    /// A team was created, or its log's first record verified.
    TeamCreated {
        /// Its first admin.
        device: String,
    },
    /// An invitation was made.
    InvitationMade {
        /// Its id.
        invitation: String,
    },
    /// This device asked to join a team.
    JoinRequested,
    /// This device's request to join was refused.
    JoinRefused,
    /// An admin refused another device's request to join.
    JoinRequestRefused {
        /// The device refused.
        device: String,
    },
    /// This device joined a team.
    TeamJoined {
        /// The team.
        team: String,
    },
    /// This device left its team.
    TeamLeft,
    /// A device was let into the team.
    DeviceAdded {
        /// The device.
        device: String,
        /// As an admin.
        admin: bool,
    },
    /// A device was revoked.
    DeviceRevoked {
        /// The device.
        device: String,
    },
    /// A device's admin rights were given or taken.
    AdminSet {
        /// The device.
        device: String,
        /// Whether it is an admin from now on.
        admin: bool,
    },
    /// The team's key was replaced.
    KeysRotated,
    /// The device's organisation type was chosen.
    OrganisationTypeSet,
    /// A case was marked as the same person as an earlier case.
    SamePersonLinked {
        /// The earlier case.
        earlier: String,
    },
    /// Such a mark was taken back.
    SamePersonUnlinked,
    /// The device was handed to the respondent to answer alone (what follows until
    /// `HandedBack` was answered without the interviewer).
    HandedOver,
    /// The interviewer took the device back with the session's PIN.
    HandedBack,
}

impl fmt::Display for AuditAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use AuditAction as A;
        match self {
            A::VaultCreated => f.write_str("vault-init"),
            A::Unlocked { after_failures: false } => f.write_str("unlock"),
            A::Unlocked { after_failures: true } => f.write_str("unlock-after-failures"),
            A::PassphraseChanged { rekeyed: false } => f.write_str("passphrase-changed"),
            A::PassphraseChanged { rekeyed: true } => f.write_str("passphrase-changed-rekeyed"),
            A::DuressSet => f.write_str("duress-set"),
            A::DuressCleared => f.write_str("duress-cleared"),
            A::UnlockPolicySet => f.write_str("unlock-policy-set"),
            A::CaseCreated => f.write_str("case-created"),
            A::CaseDeleted => f.write_str("case-deleted"),
            A::CaseErasedByTeam => f.write_str("case-erased-by-team"),
            A::ReferralMoved => f.write_str("referral"),
            A::IdentificationDecided => f.write_str("identification-decision"),
            A::ReportPublished => f.write_str("report"),
            A::CasesExported => f.write_str("export"),
            A::HtcdsExported { cases } => write!(f, "htcds-export ({cases} cases)"),
            A::BundleExported { cases } => write!(f, "bundle-export ({cases} cases)"),
            A::BundleImported { cases } => write!(f, "bundle-import ({cases} cases)"),
            A::Synced { sent, received } => write!(f, "sync (sent {sent}, received {received})"),
            A::ConflictResolved { question } => write!(f, "conflict-resolved {question}"),
            A::TeamCreated { device } => write!(f, "team-created {device}"),
            A::InvitationMade { invitation } => write!(f, "invitation-made {invitation}"),
            A::JoinRequested => f.write_str("join-requested"),
            A::JoinRefused => f.write_str("join-refused"),
            A::JoinRequestRefused { device } => write!(f, "join-request-refused {device}"),
            A::TeamJoined { team } => write!(f, "team-joined {team}"),
            A::TeamLeft => f.write_str("team-left"),
            A::DeviceAdded { device, admin } => {
                write!(f, "device-added {device}{}", if *admin { " admin" } else { "" })
            }
            A::DeviceRevoked { device } => write!(f, "device-revoked {device}"),
            A::AdminSet { device, admin } => {
                write!(f, "admin-{} {device}", if *admin { "added" } else { "removed" })
            }
            A::KeysRotated => f.write_str("keys-rotated"),
            A::OrganisationTypeSet => f.write_str("organisation-type-set"),
            A::SamePersonLinked { earlier } => write!(f, "same-person-as {earlier}"),
            A::SamePersonUnlinked => f.write_str("same-person-unlinked"),
            A::HandedOver => f.write_str("handed-over"),
            A::HandedBack => f.write_str("handed-back"),
        }
    }
}

/// One entry of the log, as stored.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AuditEntry {
    /// When (RFC 3339).
    pub at: String,
    /// The device.
    pub actor: String,
    /// What was done (`AuditAction`'s text).
    pub action: String,
    /// The case it concerned.
    pub case_id: Option<String>,
}

/// Adds an entry, in whatever transaction `conn` is in.
pub(crate) fn record(
    conn: &Connection,
    at: &str,
    device: &str,
    action: &AuditAction,
    case_id: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit (at, actor, action, case_id) VALUES (?1, ?2, ?3, ?4)",
        params![at, device, action.to_string(), case_id],
    )?;
    Ok(())
}

/// The latest `limit` entries, newest first.
pub(crate) fn latest(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare("SELECT at, actor, action, case_id FROM audit ORDER BY id DESC LIMIT ?1")?;
    let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            actor: r.get(1)?,
            action: r.get(2)?,
            case_id: r.get(3)?,
        })
    })?;
    rows.collect()
}

//! Case-level export in the shape of IOM's Human Trafficking Case Data Standard (HTCDS): one
//! record per case, with the standard's field names (`prs_`, `vic_`, `cas_` prefixes) and value
//! names, for an organisation's own case system.
//!
//! Unlike everything else in this crate this is personal data. The only way in from a vault is
//! [`export_vault`], which needs it unlocked and writes an entry in its audit log; whether the
//! file is sealed is the caller's choice, and both callers seal by default.
//!
//! Fields the standard has and a screening does not collect (names, birth date, addresses,
//! phones) are not invented. What FieldScreen adds that the standard lacks (case id, exact
//! screening date, protocol, outcome level, age at screening) carries the `fs_` prefix, so no
//! one mistakes it for a standard field.

use crate::from_case::case_facts;
use crate::tracking::{ReferralTrack, Status};
use fieldscreen_protocol::{Protocol, Session, builtin};
use fieldscreen_vault::{CaseFilter, CaseMeta, Vault, VaultError, session_of};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One case as HTCDS fields. Optional fields are left empty rather than guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HtcdsCase {
    /// The case's id in the vault.
    #[serde(rename = "fs_CaseId")]
    pub case_id: String,
    /// The day the screening began.
    #[serde(rename = "fs_ScreeningDate")]
    pub screening_date: String,
    /// The protocol and its version.
    #[serde(rename = "fs_Protocol")]
    pub protocol: String,
    /// The language the respondent was asked in.
    #[serde(rename = "fs_RespondentLanguage")]
    pub respondent_language: String,
    /// The screening's outcome level.
    #[serde(rename = "fs_OutcomeLevel")]
    pub outcome_level: Option<String>,
    /// In years, as given.
    #[serde(rename = "fs_AgeAtScreening")]
    pub age_at_screening: Option<u32>,
    /// The standard's gender value.
    #[serde(rename = "prs_Gender")]
    pub gender: Option<&'static str>,
    /// ISO 3166-1 alpha-2.
    #[serde(rename = "prs_Nationality")]
    pub nationality: Option<String>,
    /// The person agreed to their data being kept by name (always true here: others are left out).
    #[serde(rename = "vic_AgreementToManagePersonalData")]
    pub agreement_to_manage_personal_data: bool,
    /// The standard's exploitation types.
    #[serde(rename = "vic_TypeOfExploitation")]
    pub type_of_exploitation: Vec<&'static str>,
    /// The standard's methods of control.
    #[serde(rename = "vic_MethodsOfControl")]
    pub methods_of_control: Vec<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(rename = "vic_LocationOfExploitation")]
    pub location_of_exploitation: Option<String>,
    /// Outgoing referrals.
    #[serde(rename = "cas_Referrals")]
    pub referrals: Vec<HtcdsReferral>,
}

/// One outgoing referral (HTCDS notes that a case may have several).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HtcdsReferral {
    /// The service referred to.
    #[serde(rename = "cas_ReferredOrganisation")]
    pub referred_organisation: String,
    /// The standard's reason, from the service's category.
    #[serde(rename = "cas_ReasonForOutgoingReferral")]
    pub reason_for_outgoing_referral: &'static str,
    /// The day the referral was offered to the person; empty while it is only a suggestion.
    #[serde(rename = "cas_OutgoingReferralDate")]
    pub outgoing_referral_date: Option<String>,
    /// Category and the step reached, e.g. `shelter: service-received (2026-03-02)`.
    #[serde(rename = "cas_OutgoingReferralDetails")]
    pub outgoing_referral_details: String,
}

/// HTCDS gender values (Male, Female, Transgender/NonConforming, Unknown) for the report's
/// categories. "Prefer not to say" is Unknown to a case system: it must not guess.
fn gender(code: &str) -> &'static str {
    match code {
        "woman" => "Female",
        "man" => "Male",
        "other" => "Transgender/NonConforming",
        _ => "Unknown",
    }
}

/// HTCDS type-of-exploitation value names for the report's categories. The standard has no
/// "slavery" of its own; it goes to Other, as does anything unlisted.
fn exploitation(category: &str) -> &'static str {
    match category {
        "forced-labour" => "ForcedLabour",
        "sexual-exploitation" => "SexualExploitation",
        "forced-marriage" => "ForcedMarriage",
        "forced-criminality" => "IllicitActivities",
        "forced-begging" => "ForcedBegging",
        "forced-military" => "ForcedMilitaryService",
        "organ-removal" => "OrganRemoval",
        _ => "Other",
    }
}

/// `debt-bondage` → `DebtBondage`: the CTDC means of control and HTCDS' methods of control are
/// the same list, written differently.
fn pascal(code: &str) -> String {
    code.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The case as HTCDS fields, or `None` when the person did not agree to their data being kept
/// by name (consent other than full): such a case has no place in a case system.
pub fn htcds_case(
    case_id: &str,
    meta: &CaseMeta,
    session: &Session,
    today: jiff::civil::Date,
    tracked: &BTreeMap<String, ReferralTrack>,
) -> Option<HtcdsCase> {
    let p = session.protocol();
    if session.consent() != Some(builtin::Consent::Full) {
        return None;
    }
    let facts = case_facts(session, &meta.created_at, today, tracked);
    let finished = session.state() != &fieldscreen_protocol::State::InProgress;
    let suggested: Vec<String> = finished
        .then(|| session.outcome(today))
        .flatten()
        .map(|o| o.referrals.iter().map(|r| r.id.clone()).collect())
        .unwrap_or_default();
    let mut ids: Vec<&String> = suggested.iter().chain(tracked.keys()).collect();
    ids.sort();
    ids.dedup();
    let referrals = ids
        .into_iter()
        .filter_map(|id| {
            let r = p.referrals.iter().find(|r| &r.id == id)?;
            let track = tracked
                .get(id)
                .cloned()
                .unwrap_or_else(|| ReferralTrack::suggested(r.category.name(), today));
            let last = track.steps.last()?;
            let offered = track
                .steps
                .iter()
                .find(|s| s.status == Status::Offered)
                .map(|s| s.date.to_string());
            Some(HtcdsReferral {
                referred_organisation: r.name.clone(),
                reason_for_outgoing_referral: "AdditionalServicesRequired",
                outgoing_referral_date: offered,
                outgoing_referral_details: if tracked.contains_key(id) {
                    format!("{}: {} ({})", track.category, last.status.name(), last.date)
                } else {
                    format!("{}: suggested", track.category)
                },
            })
        })
        .collect();
    Some(HtcdsCase {
        case_id: case_id.to_string(),
        screening_date: meta.created_at.chars().take(10).collect(),
        protocol: format!("{}@{}", meta.protocol_id, meta.protocol_version),
        respondent_language: meta
            .respondent_lang
            .clone()
            .unwrap_or_else(|| meta.interviewer_lang.clone()),
        outcome_level: facts.level,
        age_at_screening: facts.age,
        gender: facts.gender.map(|g| gender(g.code())),
        nationality: facts.citizenship,
        agreement_to_manage_personal_data: true,
        type_of_exploitation: {
            let mut t: Vec<&'static str> = facts.exploitation.iter().map(|e| exploitation(e)).collect();
            t.sort_unstable();
            t.dedup();
            t
        },
        methods_of_control: facts.means_of_control.iter().map(|m| pascal(m)).collect(),
        location_of_exploitation: facts.country_of_exploitation,
        referrals,
    })
}

/// The CSV columns, in the order written. Multi-select values and the several referrals of a
/// case are joined with `;`, as HTCDS' spreadsheet toolkit does for multi-select picklists.
pub const CSV_COLUMNS: [&str; 16] = [
    "fs_CaseId",
    "fs_ScreeningDate",
    "fs_Protocol",
    "fs_RespondentLanguage",
    "fs_OutcomeLevel",
    "fs_AgeAtScreening",
    "prs_Gender",
    "prs_Nationality",
    "vic_AgreementToManagePersonalData",
    "vic_TypeOfExploitation",
    "vic_MethodsOfControl",
    "vic_LocationOfExploitation",
    "cas_ReferredOrganisation",
    "cas_ReasonForOutgoingReferral",
    "cas_OutgoingReferralDate",
    "cas_OutgoingReferralDetails",
];

/// One line per case, RFC 4180 quoting, `\n` line ends.
pub fn to_csv(cases: &[HtcdsCase]) -> String {
    let mut out = crate::csv::line(&CSV_COLUMNS);
    let list = |v: Vec<String>| v.into_iter().map(|x| x.replace(';', ",")).collect::<Vec<_>>().join(";");
    for c in cases {
        let refs = |f: fn(&HtcdsReferral) -> String| list(c.referrals.iter().map(f).collect());
        let row = [
            c.case_id.clone(),
            c.screening_date.clone(),
            c.protocol.clone(),
            c.respondent_language.clone(),
            c.outcome_level.clone().unwrap_or_default(),
            c.age_at_screening.map(|a| a.to_string()).unwrap_or_default(),
            c.gender.unwrap_or_default().to_string(),
            c.nationality.clone().unwrap_or_default(),
            c.agreement_to_manage_personal_data.to_string(),
            list(c.type_of_exploitation.iter().map(|s| s.to_string()).collect()),
            list(c.methods_of_control.clone()),
            c.location_of_exploitation.clone().unwrap_or_default(),
            refs(|r| r.referred_organisation.clone()),
            refs(|r| r.reason_for_outgoing_referral.to_string()),
            refs(|r| r.outgoing_referral_date.clone().unwrap_or_default()),
            refs(|r| r.outgoing_referral_details.clone()),
        ];
        out.push_str(&crate::csv::line(&row));
    }
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    standard: &'static str,
    version: &'static str,
    cases: &'a [HtcdsCase],
}

/// `{"standard": "HTCDS", "version": "1.1", "cases": [...]}`, pretty-printed, fields in the
/// order of the CSV columns.
pub fn to_json(cases: &[HtcdsCase]) -> String {
    let doc = JsonExport {
        standard: "HTCDS",
        version: "1.1",
        cases,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// A vault's HTCDS export, with what was left out and why.
pub struct HtcdsExport {
    /// The cases exported.
    pub cases: Vec<HtcdsCase>,
    /// Left out: the person did not consent to their data being kept by name.
    pub without_consent: usize,
    /// Left out: their protocol is not installed here, so they cannot be read.
    pub without_protocol: usize,
}

/// Every case of the vault that may be exported, and an audit entry saying an export was made
/// and how many cases it holds (never which).
pub fn export_vault(
    vault: &mut Vault,
    mut protocol: impl FnMut(&str) -> Option<Arc<Protocol>>,
    today: jiff::civil::Date,
    mut progress: impl FnMut(usize, usize),
) -> Result<HtcdsExport, VaultError> {
    let listed = vault.list_cases(&CaseFilter::default())?;
    let mut cache: HashMap<String, Option<Arc<Protocol>>> = HashMap::new();
    let mut out = HtcdsExport {
        cases: Vec::new(),
        without_consent: 0,
        without_protocol: 0,
    };
    for (n, c) in listed.iter().enumerate() {
        if n > 0 && n % 1000 == 0 {
            progress(n, listed.len());
        }
        let Some(p) = cache
            .entry(c.protocol_id.clone())
            .or_insert_with(|| protocol(&c.protocol_id))
        else {
            out.without_protocol += 1;
            continue;
        };
        let doc = vault.load_case(&c.id)?;
        let (session, _) = session_of(&doc, p.clone())?;
        let tracked = crate::from_vault::tracks_of(&doc, &c.id)?;
        match htcds_case(&c.id, &doc.meta()?, &session, today, &tracked) {
            Some(h) => out.cases.push(h),
            None => out.without_consent += 1,
        }
    }
    vault.record_action(
        fieldscreen_vault::AuditAction::HtcdsExported { cases: out.cases.len() },
        None,
    )?;
    Ok(out)
}

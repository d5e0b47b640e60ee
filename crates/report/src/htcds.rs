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
use crate::tracking::{DecidedBy, Decision, ReferralTrack, Status};
use fieldscreen_protocol::{Protocol, Session, builtin};
use fieldscreen_vault::{CaseFilter, CaseMeta, OrganisationType, Vault, VaultError, session_of};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One case as HTCDS 2.0 fields. Optional fields are left empty rather than guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HtcdsCase {
    /// The case's id in the vault.
    #[serde(rename = "fs_CaseId")]
    pub case_id: String,
    /// The earlier case of the same person, when a worker marked one.
    #[serde(rename = "fs_SamePersonAs")]
    pub same_person_as: Option<String>,
    /// The day the screening began.
    #[serde(rename = "fs_ScreeningDate")]
    pub screening_date: String,
    /// The protocol and its version.
    #[serde(rename = "fs_Protocol")]
    pub protocol: String,
    /// The kind of organisation that screened.
    #[serde(rename = "fs_OrganisationType")]
    pub organisation_type: Option<&'static str>,
    /// The language the respondent was asked in.
    #[serde(rename = "fs_RespondentLanguage")]
    pub respondent_language: String,
    /// The screening's outcome level.
    #[serde(rename = "fs_OutcomeLevel")]
    pub outcome_level: Option<String>,
    /// In years, as given.
    #[serde(rename = "fs_AgeAtScreening")]
    pub age_at_screening: Option<u32>,
    /// Treated as a child by the presumption of minority, whatever age was given.
    #[serde(rename = "fs_PresumedMinor")]
    pub presumed_minor: bool,
    /// The standard's gender value.
    #[serde(rename = "prs_Gender")]
    pub gender: &'static str,
    /// ISO 3166-1 alpha-2 (a multi-select in the standard; a screening asks for one).
    #[serde(rename = "prs_Citizenship")]
    pub citizenship: Vec<String>,
    /// The person agreed to their data being kept by name (always true here: others are left
    /// out).
    #[serde(rename = "con_Consent")]
    pub consent: bool,
    /// Possible victim for a screening that found an indication; actual or not a victim once
    /// the authority decided.
    #[serde(rename = "vic_TraffickingStatus")]
    pub trafficking_status: Option<&'static str>,
    /// Who took the decision the status rests on.
    #[serde(rename = "vic_TraffickingStatusDecisionMakingOrg")]
    pub trafficking_status_decision_making_org: Option<&'static str>,
    /// Who recruited the person, as the standard groups it.
    #[serde(rename = "vic_RelationshipToTrafficker")]
    pub relationship_to_trafficker: Option<&'static str>,
    /// The standard's exploitation types.
    #[serde(rename = "vic_TypeOfExploitation")]
    pub type_of_exploitation: Vec<&'static str>,
    /// The ISIC section, for forced labour.
    #[serde(rename = "vic_ForcedLabourIndustry")]
    pub forced_labour_industry: Option<&'static str>,
    /// The standard's methods of control.
    #[serde(rename = "vic_MethodsOfControl")]
    pub methods_of_control: Vec<&'static str>,
    /// A historic trafficking event of type `Exploitation`, when the country is known.
    #[serde(rename = "hte_Type")]
    pub event_type: Option<&'static str>,
    /// Its country, ISO 3166-1 alpha-2.
    #[serde(rename = "hte_Country")]
    pub event_country: Option<String>,
    /// Outgoing referrals.
    #[serde(rename = "fs_Referrals")]
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

/// HTCDS 2.0 gender values for the report's categories. The standard's transgender values
/// cannot be told from a screening's answer, and "prefer not to say" must not be guessed.
fn gender(g: Option<crate::Gender>) -> &'static str {
    match g {
        Some(crate::Gender::Woman) => "Feminine",
        Some(crate::Gender::Man) => "Masculine",
        Some(crate::Gender::Other) => "NonConforming",
        Some(crate::Gender::PreferNotToSay) | None => "NonSpecifiedUnknown",
    }
}

/// HTCDS 2.0 type-of-exploitation values for the report's categories. Forced criminality has
/// no value of its own in 2.0: it is `Other`.
fn exploitation(category: &str) -> &'static str {
    match category {
        "forced-labour" => "ForcedLabour",
        "sexual-exploitation" => "SexualExploitation",
        "child-labour" => "ChildLabour",
        "forced-marriage" => "ForcedMarriage",
        "servitude" => "Servitude",
        "forced-military" => "ForcedMilitaryByNonStateActors",
        "organ-removal" => "OrganRemoval",
        "forced-begging" => "ForcedBegging",
        _ => "Other",
    }
}

/// HTCDS 2.0 methods of control for the protocol's means of control. Restriction of movement
/// and using children are CTDC categories 2.0 has no value for: `Other`.
fn method_of_control(code: &str) -> &'static str {
    match code {
        "physical-threats" => "PhysicalThreats",
        "threats-law-enforcement" => "ThreatsLawEnforcement",
        "threatens-children-family" => "ThreatensChildrenFamily",
        "debt-bondage" => "DebtBondage",
        "false-promises" => "FalsePromises",
        "physical-abuse" => "PhysicalAbuse",
        "sexual-abuse" => "SexualAbuse",
        "takes-earnings" => "TakesEarnings",
        "restricts-financial-access" => "RestrictsFinancialAccess",
        "restricts-medical-care" => "RestrictsMedicalCare",
        "withholds-necessities" => "WithholdsNecessities",
        "psychological-abuse" => "PsychologicalAbuse",
        "psychoactive-substance" => "PsychoactiveSubstance",
        "excessive-working-hours" => "ExcessiveWorkingHours",
        "withholds-documents" => "WithholdsDocuments",
        _ => "Other",
    }
}

/// HTCDS 2.0 `vic_ForcedLabourIndustry` values for the ISIC sections.
fn industry(section: &str) -> Option<&'static str> {
    Some(match section {
        "A" => "A_AgricultureForestryAndFishing",
        "B" => "B_MiningAndQuarrying",
        "C" => "C_Manufacturing",
        "D" => "D_ElectricityGasSteamAndAirConditioningSupply",
        "E" => "E_WaterSupplySewerageWasteManagement",
        "F" => "F_Construction",
        "G" => "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
        "H" => "H_TransportationAndStorage",
        "I" => "I_AccommodationAndFoodServiceActivities",
        "J" => "J_InformationAndCommunication",
        "K" => "K_FinancialAndInsuranceActivities",
        "L" => "L_RealEstateActivities",
        "M" => "M_ProfessionalScientificAndTechnicalActivities",
        "N" => "N_AdministrativeAndSupportServiceActivities",
        "O" => "O_PublicAdministrationAndDefence",
        "P" => "P_Education",
        "Q" => "Q_HumanHealthAndSocialWorkActivities",
        "R" => "R_ArtsEntertainmentAndRecreation",
        "S" => "S_OtherServiceActivities",
        "T" => "T_ActivitiesOfHouseholdsAsEmployers",
        "U" => "U_ActivitiesOfExtraterritorialOrganizations",
        _ => return None,
    })
}

/// HTCDS 2.0 relationship to the trafficker. A partner or a friend is someone the person knew;
/// "other" (an agency, an employer) may or may not be, so it is left empty.
fn relationship(relation: &str) -> Option<&'static str> {
    match relation {
        "family" => Some("Familial"),
        "intimate-partner" | "friend" => Some("Acquainted"),
        _ => None,
    }
}

/// The decision-making organisation of a screening's own conclusion (a possible victim), by the
/// kind of organisation that screened. A shelter or a helpline may be public or not: `Other`.
fn screening_org(o: OrganisationType) -> &'static str {
    match o {
        OrganisationType::Ngo => "NGO",
        OrganisationType::Police => "Police",
        OrganisationType::LabourInspectorate
        | OrganisationType::Immigration
        | OrganisationType::Health
        | OrganisationType::OtherGovernment => "NonPoliceGovernmentalOrganization",
        OrganisationType::Shelter | OrganisationType::Helpline | OrganisationType::Other => "Other",
    }
}

/// The decision-making organisation of an authority's decision.
fn decision_org(d: DecidedBy) -> &'static str {
    match d {
        DecidedBy::Police => "Police",
        DecidedBy::Ngo => "NGO",
        DecidedBy::CourtOrProsecution => "CourtOrProsecution",
        DecidedBy::NonPoliceGovernment => "NonPoliceGovernmentalOrganization",
        DecidedBy::Other => "Other",
    }
}

/// `vic_TraffickingStatus` and the organisation behind it: the authority's latest decision
/// when there is one (a pending decision changes nothing), else the screening's own
/// conclusion for one that found an indication. A screening that found none says nothing:
/// it cannot clear anyone.
fn trafficking_status(
    facts: &crate::CaseFacts,
    tracked: &BTreeMap<String, ReferralTrack>,
) -> (Option<&'static str>, Option<&'static str>) {
    let decided = tracked
        .values()
        .filter_map(|t| t.decision())
        .filter(|d| d.decision != Decision::Pending)
        .max_by_key(|d| d.date);
    match decided {
        Some(d) if d.decision == Decision::Identified => {
            (Some("ActualVictimOfTrafficking"), Some(decision_org(d.decided_by)))
        }
        Some(d) => (Some("NotAVictimOfTrafficking"), Some(decision_org(d.decided_by))),
        None if facts.found_indication() => (
            Some("PossibleVictimOfTrafficking"),
            facts.organisation.map(screening_org),
        ),
        None => (None, None),
    }
}

/// The case as HTCDS fields, or `None` when the person did not agree to their data being kept
/// by name (consent other than full): such a case has no place in a case system.
pub fn htcds_case(
    case_id: &str,
    meta: &CaseMeta,
    session: &Session,
    today: jiff::civil::Date,
    tracked: &BTreeMap<String, ReferralTrack>,
    same_person_as: Option<String>,
) -> Option<HtcdsCase> {
    let p = session.protocol();
    if session.consent() != Some(builtin::Consent::Full) {
        return None;
    }
    let facts = case_facts(session, &meta.created_at, meta.organisation, today, tracked);
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
    let (trafficking_status, trafficking_status_decision_making_org) = trafficking_status(&facts, tracked);
    let sorted = |mut v: Vec<&'static str>| {
        v.sort_unstable();
        v.dedup();
        v
    };
    Some(HtcdsCase {
        case_id: case_id.to_string(),
        same_person_as,
        screening_date: meta.created_at.chars().take(10).collect(),
        protocol: format!("{}@{}", meta.protocol_id, meta.protocol_version),
        organisation_type: meta.organisation.map(|o| o.name()),
        respondent_language: meta
            .respondent_lang
            .clone()
            .unwrap_or_else(|| meta.interviewer_lang.clone()),
        outcome_level: facts.level.clone(),
        age_at_screening: facts.age,
        presumed_minor: facts.presumed_minor,
        gender: gender(facts.gender),
        citizenship: facts.citizenship.clone().into_iter().collect(),
        consent: true,
        trafficking_status,
        trafficking_status_decision_making_org,
        relationship_to_trafficker: facts.recruiter_relation.as_deref().and_then(relationship),
        type_of_exploitation: sorted(facts.exploitation.iter().map(|e| exploitation(e)).collect()),
        forced_labour_industry: facts
            .exploitation
            .iter()
            .any(|e| e == "forced-labour")
            .then(|| facts.industry.as_deref().and_then(industry))
            .flatten(),
        methods_of_control: sorted(facts.means_of_control.iter().map(|m| method_of_control(m)).collect()),
        event_type: facts.country_of_exploitation.as_ref().map(|_| "Exploitation"),
        event_country: facts.country_of_exploitation.clone(),
        referrals,
    })
}

/// The CSV columns, in the order written. Multi-select values and the several referrals of a
/// case are joined with `;`, as HTCDS' spreadsheet toolkit does for multi-select picklists.
pub const CSV_COLUMNS: [&str; 25] = [
    "fs_CaseId",
    "fs_SamePersonAs",
    "fs_ScreeningDate",
    "fs_Protocol",
    "fs_OrganisationType",
    "fs_RespondentLanguage",
    "fs_OutcomeLevel",
    "fs_AgeAtScreening",
    "fs_PresumedMinor",
    "prs_Gender",
    "prs_Citizenship",
    "con_Consent",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "vic_RelationshipToTrafficker",
    "vic_TypeOfExploitation",
    "vic_ForcedLabourIndustry",
    "vic_MethodsOfControl",
    "hte_Type",
    "hte_Country",
    "cas_ReferredOrganisation",
    "cas_ReasonForOutgoingReferral",
    "cas_OutgoingReferralDate",
    "cas_OutgoingReferralDetails",
    "fs_ReferralCount",
];

/// One line per case, RFC 4180 quoting, `\n` line ends.
pub fn to_csv(cases: &[HtcdsCase]) -> String {
    let mut out = crate::csv::line(&CSV_COLUMNS);
    let list = |v: Vec<String>| v.into_iter().map(|x| x.replace(';', ",")).collect::<Vec<_>>().join(";");
    let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
    for c in cases {
        let refs = |f: fn(&HtcdsReferral) -> String| list(c.referrals.iter().map(f).collect());
        let row = [
            c.case_id.clone(),
            c.same_person_as.clone().unwrap_or_default(),
            c.screening_date.clone(),
            c.protocol.clone(),
            opt(c.organisation_type),
            c.respondent_language.clone(),
            c.outcome_level.clone().unwrap_or_default(),
            c.age_at_screening.map(|a| a.to_string()).unwrap_or_default(),
            c.presumed_minor.to_string(),
            c.gender.to_string(),
            list(c.citizenship.clone()),
            c.consent.to_string(),
            opt(c.trafficking_status),
            opt(c.trafficking_status_decision_making_org),
            opt(c.relationship_to_trafficker),
            list(c.type_of_exploitation.iter().map(|s| s.to_string()).collect()),
            opt(c.forced_labour_industry),
            list(c.methods_of_control.iter().map(|s| s.to_string()).collect()),
            opt(c.event_type),
            c.event_country.clone().unwrap_or_default(),
            refs(|r| r.referred_organisation.clone()),
            refs(|r| r.reason_for_outgoing_referral.to_string()),
            refs(|r| r.outgoing_referral_date.clone().unwrap_or_default()),
            refs(|r| r.outgoing_referral_details.clone()),
            c.referrals.len().to_string(),
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

/// `{"standard": "HTCDS", "version": "2.0", "cases": [...]}`, pretty-printed, fields in the
/// order of the CSV columns (the referrals nested).
pub fn to_json(cases: &[HtcdsCase]) -> String {
    let doc = JsonExport {
        standard: "HTCDS",
        version: "2.0",
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
        match htcds_case(&c.id, &doc.meta()?, &session, today, &tracked, doc.same_person_as()?) {
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

#[cfg(test)]
pub(crate) mod conformance {
    //! Every field name and value the export can write, checked against the standard's own list
    //! (vendored in `standards/htcds-2.0-fields.tsv`).
    use super::*;
    use std::collections::HashMap;

    struct Field {
        deprecated: bool,
        values: Vec<&'static str>,
    }

    fn standard() -> HashMap<&'static str, Field> {
        include_str!("../standards/htcds-2.0-fields.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let values = cols
                    .get(3)
                    .map_or(Vec::new(), |v| v.split(';').filter(|s| !s.is_empty()).collect());
                (
                    cols[0],
                    Field {
                        deprecated: cols[1] == "DEPRECATED",
                        values,
                    },
                )
            })
            .collect()
    }

    /// Panics unless `value` is one of `field`'s values in the standard.
    fn check_value(std: &HashMap<&str, Field>, field: &str, value: &str) {
        let f = std
            .get(field)
            .unwrap_or_else(|| panic!("`{field}` is not an HTCDS 2.0 field"));
        assert!(!f.deprecated, "`{field}` is deprecated in HTCDS 2.0");
        if f.values == ["<ISO 3166-1 alpha-2>"] {
            assert!(
                value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()),
                "`{value}` is not an ISO 3166-1 alpha-2 code ({field})"
            );
        } else if !f.values.is_empty() {
            assert!(
                f.values.contains(&value),
                "`{value}` is not a value of `{field}` in HTCDS 2.0"
            );
        }
    }

    #[test]
    fn every_value_the_mappings_can_write_is_in_the_standard() {
        use fieldscreen_protocol::model::ReportVariable;
        let std = standard();
        for g in [
            None,
            Some(crate::Gender::Woman),
            Some(crate::Gender::Man),
            Some(crate::Gender::Other),
            Some(crate::Gender::PreferNotToSay),
        ] {
            check_value(&std, "prs_Gender", gender(g));
        }
        for e in ReportVariable::Exploitation.categories().unwrap_or(&[]) {
            check_value(&std, "vic_TypeOfExploitation", exploitation(e));
        }
        for m in fieldscreen_protocol::MEANS_OF_CONTROL {
            check_value(&std, "vic_MethodsOfControl", method_of_control(m));
        }
        for s in ReportVariable::Industry.categories().unwrap_or(&[]) {
            let v = industry(s).unwrap_or_else(|| panic!("no HTCDS industry for ISIC section {s}"));
            check_value(&std, "vic_ForcedLabourIndustry", v);
        }
        for r in ReportVariable::RecruiterRelation.categories().unwrap_or(&[]) {
            if let Some(v) = relationship(r) {
                check_value(&std, "vic_RelationshipToTrafficker", v);
            }
        }
        for o in OrganisationType::ALL {
            check_value(&std, "vic_TraffickingStatusDecisionMakingOrg", screening_org(o));
        }
        for d in DecidedBy::ALL {
            check_value(&std, "vic_TraffickingStatusDecisionMakingOrg", decision_org(d));
        }
        for s in [
            "PossibleVictimOfTrafficking",
            "ActualVictimOfTrafficking",
            "NotAVictimOfTrafficking",
        ] {
            check_value(&std, "vic_TraffickingStatus", s);
        }
        check_value(&std, "hte_Type", "Exploitation");
        check_value(&std, "cas_ReasonForOutgoingReferral", "AdditionalServicesRequired");
    }

    /// Every key of an export is FieldScreen's own (`fs_`) or a current HTCDS 2.0 field, and
    /// every value of a picklist field is one of its values.
    pub(crate) fn check_export(cases: &[HtcdsCase]) {
        let std = standard();
        let json: serde_json::Value = serde_json::from_str(&to_json(cases)).expect("json");
        assert_eq!(json["version"], "2.0");
        fn walk(std: &HashMap<&str, Field>, v: &serde_json::Value) {
            let Some(map) = v.as_object() else { return };
            for (key, value) in map {
                if key.starts_with("fs_") {
                    if let Some(items) = value.as_array() {
                        items.iter().for_each(|i| walk(std, i));
                    }
                    continue;
                }
                let values: Vec<&str> = match value {
                    serde_json::Value::String(s) => vec![s.as_str()],
                    serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                    serde_json::Value::Null | serde_json::Value::Bool(_) => Vec::new(),
                    other => panic!("`{key}` holds {other}"),
                };
                let f = std
                    .get(key.as_str())
                    .unwrap_or_else(|| panic!("`{key}` is not an HTCDS 2.0 field"));
                assert!(!f.deprecated, "`{key}` is deprecated in HTCDS 2.0");
                if !f.values.is_empty() {
                    values.into_iter().for_each(|x| check_value(std, key, x));
                }
            }
        }
        for c in json["cases"].as_array().expect("cases") {
            walk(&std, c);
        }
        let csv = to_csv(cases);
        let header: Vec<&str> = csv.lines().next().expect("header").split(',').collect();
        for h in header {
            if !h.starts_with("fs_") {
                let f = std
                    .get(h)
                    .unwrap_or_else(|| panic!("column `{h}` is not an HTCDS 2.0 field"));
                assert!(!f.deprecated, "column `{h}` is deprecated");
            }
        }
    }

    #[test]
    fn the_deprecated_consent_field_is_not_written() {
        assert!(!CSV_COLUMNS.contains(&"vic_AgreementToManagePersonalData"));
        assert!(standard()["vic_AgreementToManagePersonalData"].deprecated);
        assert!(CSV_COLUMNS.contains(&"con_Consent"));
    }
}

//! What the FHIR REST interface answers with, as typed R4 resources: the
//! CapabilityStatement, OperationOutcomes, search and batch-response Bundles; and a
//! batch (or transaction) Bundle read into its creates.

use archive::wellbeing::{Create, StoredResource, MAX_BATCH};
use fhir::r4::coded::Coded;
use fhir::r4::codes::{
    BundleType, CapabilityStatementKind, FhirVersion, HttpVerb, IssueSeverity, IssueType,
    PublicationStatus, ResourceTypes, RestfulCapabilityMode, SearchEntryMode, SearchParamType,
    VersioningPolicy,
};
use fhir::r4::resources::bundle::{
    BundleEntry, BundleEntryResponse, BundleEntrySearch, BundleLink,
};
use fhir::r4::resources::capability_statement::{
    CapabilityStatementRest, CapabilityStatementRestResource,
    CapabilityStatementRestResourceInteraction, CapabilityStatementRestResourceSearchParam,
    CapabilityStatementRestSecurity, CapabilityStatementSoftware,
};
use fhir::r4::resources::operation_outcome::OperationOutcomeIssue;
use fhir::r4::resources::{Bundle, CapabilityStatement, OperationOutcome, Resource};
use fhir::r4::types;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use crate::{incoming, Refusal};

/// Why a request is refused, as its OperationOutcome's one issue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    /// The body is not a resource this interface takes (400).
    Invalid,
    /// A resource broke a rule (422).
    BusinessRule,
    /// No valid access token (401).
    Login,
    /// The token's scopes or the person's choices do not reach it (403).
    Forbidden,
    NotFound,
    /// `If-None-Exist` matched more than one (412).
    MultipleMatches,
    /// `If-Match` is not the version now (412).
    Conflict,
    /// The body is too large, or holds too many resources (413).
    TooLong,
    /// An interaction or a resource type this interface does not offer.
    NotSupported,
    /// The server failed (500).
    Exception,
}

impl Issue {
    const fn code(self) -> IssueType {
        match self {
            Self::Invalid => IssueType::Invalid,
            Self::BusinessRule => IssueType::BusinessRule,
            Self::Login => IssueType::Login,
            Self::Forbidden => IssueType::Forbidden,
            Self::NotFound => IssueType::NotFound,
            Self::MultipleMatches => IssueType::MultipleMatches,
            Self::Conflict => IssueType::Conflict,
            Self::TooLong => IssueType::TooLong,
            Self::NotSupported => IssueType::NotSupported,
            Self::Exception => IssueType::Exception,
        }
    }
}

fn string(s: impl Into<String>) -> types::String {
    types::String(s.into())
}

fn instant(at: OffsetDateTime) -> Option<types::Instant> {
    at.format(&Rfc3339).ok().map(types::Instant)
}

/// An OperationOutcome of one error: its type, the words for the app's developer, and
/// where in the request it is (a FHIRPath, as `expression`), if somewhere.
#[must_use]
pub fn operation_outcome(issue: Issue, diagnostics: &str, expression: Option<&str>) -> String {
    let mut one = OperationOutcomeIssue {
        severity: Coded::Known(IssueSeverity::Error),
        code: Coded::Known(issue.code()),
        diagnostics: Some(string(diagnostics)),
        ..Default::default()
    };
    one.expression.0.extend(expression.map(|e| Some(string(e))));
    let outcome = OperationOutcome::builder().issue(vec1::vec1![one]).build();
    match outcome {
        Ok(outcome) => serde_json::to_string(&Resource::OperationOutcome(Box::new(outcome)))
            .unwrap_or_default(),
        // Every required field is set above.
        Err(_) => String::new(),
    }
}

/// The refusal of a resource in a request as its OperationOutcome: where, and what is
/// wrong (400 for what is not a FHIR resource, 422 for a rule broken).
#[must_use]
pub fn refusal_outcome(refusal: &Refusal) -> (Issue, String) {
    let issue = if refusal.structural {
        Issue::Invalid
    } else {
        Issue::BusinessRule
    };
    (
        issue,
        operation_outcome(issue, &refusal.problem, Some(&refusal.location)),
    )
}

/// The search parameters the Observation search takes.
pub const SEARCH_PARAMETERS: [(&str, SearchParamType); 4] = [
    ("code", SearchParamType::Token),
    ("date", SearchParamType::Date),
    ("patient", SearchParamType::Reference),
    ("_count", SearchParamType::Number),
];

/// The CapabilityStatement at `/fhir/metadata`: Observations, read, search, create
/// (conditional), update (versioned), delete and batch; the person's Patient, read,
/// search and update (versioned, creating the first); JSON, SMART on FHIR's OAuth.
#[must_use]
pub fn capability_statement(base: &str, now: OffsetDateTime, version: &str) -> String {
    let interaction = |code: &str| CapabilityStatementRestResourceInteraction {
        code: types::Code(code.into()),
        ..Default::default()
    };
    let profiles = archive::model::Measure::ALL
        .iter()
        .map(|m| Some(types::Canonical(m.spec().profile.into())));
    let mut observation = CapabilityStatementRestResource {
        r#type: Coded::Known(ResourceTypes::Observation),
        interaction: ["read", "update", "delete", "create", "search-type"]
            .into_iter()
            .map(interaction)
            .collect(),
        versioning: Some(Coded::Known(VersioningPolicy::VersionedUpdate)),
        conditional_create: Some(types::Boolean(true)),
        update_create: Some(types::Boolean(false)),
        search_param: SEARCH_PARAMETERS
            .into_iter()
            .map(|(name, kind)| CapabilityStatementRestResourceSearchParam {
                name: string(name),
                r#type: Coded::Known(kind),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    observation.supported_profile.0.extend(profiles);
    let patient = CapabilityStatementRestResource {
        r#type: Coded::Known(ResourceTypes::Patient),
        documentation: Some(types::Markdown(
            "The person's own Patient, at the opaque id their measurements' subject names: \
             read, found by a search without parameters, and written by update (the first \
             without If-Match, then each with it); never deleted."
                .into(),
        )),
        interaction: ["read", "update", "search-type"]
            .into_iter()
            .map(interaction)
            .collect(),
        versioning: Some(Coded::Known(VersioningPolicy::VersionedUpdate)),
        update_create: Some(types::Boolean(true)),
        ..Default::default()
    };
    let security = CapabilityStatementRestSecurity {
        service: vec![types::CodeableConcept {
            coding: vec![types::Coding {
                system: Some(types::Uri(
                    "http://terminology.hl7.org/CodeSystem/restful-security-service".into(),
                )),
                code: Some(types::Code("SMART-on-FHIR".into())),
                ..Default::default()
            }],
            ..Default::default()
        }],
        description: Some(types::Markdown(
            "An OAuth 2.0 bearer access token (a JWT) from the identity provider, with \
             SMART scopes patient/Observation.read|write or patient/Observation.rs|cud, \
             and patient/Patient.read|write or patient/Patient.rs|cu; \
             see /.well-known/smart-configuration."
                .into(),
        )),
        ..Default::default()
    };
    let rest = CapabilityStatementRest {
        mode: Coded::Known(RestfulCapabilityMode::Server),
        security: Some(security),
        resource: vec![observation, patient],
        interaction: vec![
            fhir::r4::resources::capability_statement::CapabilityStatementRestInteraction {
                code: types::Code("batch".into()),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let statement = CapabilityStatement::builder()
        .status(Coded::Known(PublicationStatus::Active))
        .date(types::DateTime(now.date().to_string()))
        .kind(Coded::Known(CapabilityStatementKind::Instance))
        .fhir_version(Coded::Known(FhirVersion::N401))
        .format(vec1::vec1![types::Code("json".into())])
        .software(CapabilityStatementSoftware {
            name: string("OmaKanta"),
            version: Some(string(version)),
            ..Default::default()
        })
        .implementation(
            fhir::r4::resources::capability_statement::CapabilityStatementImplementation {
                description: string("My wellbeing data (Kanta PHR)"),
                url: Some(types::Url(base.into())),
                ..Default::default()
            },
        )
        .rest(vec![rest])
        .build();
    statement
        .ok()
        .and_then(|s| serde_json::to_string(&Resource::CapabilityStatement(Box::new(s))).ok())
        .unwrap_or_default()
}

fn resource_value(stored: &StoredResource) -> Option<serde_json::Value> {
    serde_json::from_str(&stored.resource).ok()
}

/// The weak ETag of a version: `W/"3"`.
#[must_use]
pub fn etag(version: i64) -> String {
    format!("W/\"{version}\"")
}

/// A search's answer: a `searchset` Bundle of the resources as stored, newest first.
#[must_use]
pub fn search_bundle(
    base: &str,
    resource_type: &str,
    self_url: &str,
    found: &[StoredResource],
    now: OffsetDateTime,
) -> String {
    let bundle = Bundle {
        id: Some(string(uuid_like(now))),
        r#type: Coded::Known(BundleType::Searchset),
        timestamp: instant(now),
        total: u32::try_from(found.len()).ok().map(types::UnsignedInt),
        link: vec![BundleLink {
            relation: string("self"),
            url: types::Uri(self_url.into()),
            ..Default::default()
        }],
        entry: found
            .iter()
            .map(|stored| BundleEntry {
                full_url: Some(types::Uri(format!("{base}/{resource_type}/{}", stored.id))),
                resource: resource_value(stored),
                search: Some(BundleEntrySearch {
                    mode: Some(Coded::Known(SearchEntryMode::Match)),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    serde_json::to_string(&Resource::Bundle(Box::new(bundle))).unwrap_or_default()
}

/// The id of a Bundle made now: its time, which tells one answer from another.
fn uuid_like(now: OffsetDateTime) -> String {
    format!("answer-{}", now.unix_timestamp_nanos())
}

/// What one entry of a batch answered: its status (`201 Created`, `200 OK`), and the
/// resource stored.
#[derive(Debug, Clone)]
pub struct EntryAnswer {
    pub status: &'static str,
    pub stored: StoredResource,
}

/// A batch's answer: a `batch-response` Bundle, an entry for each of the request's, in
/// its order.
#[must_use]
pub fn batch_response(base: &str, answers: &[EntryAnswer], now: OffsetDateTime) -> String {
    let bundle = Bundle {
        id: Some(string(uuid_like(now))),
        r#type: Coded::Known(BundleType::BatchResponse),
        timestamp: instant(now),
        entry: answers
            .iter()
            .map(|answer| {
                let location = format!(
                    "{base}/Observation/{}/_history/{}",
                    answer.stored.id, answer.stored.version
                );
                BundleEntry {
                    full_url: Some(types::Uri(format!(
                        "{base}/Observation/{}",
                        answer.stored.id
                    ))),
                    resource: resource_value(&answer.stored),
                    response: Some(BundleEntryResponse {
                        status: string(answer.status),
                        location: Some(types::Uri(location)),
                        etag: Some(string(etag(answer.stored.version))),
                        last_modified: instant(answer.stored.updated),
                        ..Default::default()
                    }),
                    ..Default::default()
                }
            })
            .collect(),
        ..Default::default()
    };
    serde_json::to_string(&Resource::Bundle(Box::new(bundle))).unwrap_or_default()
}

/// The identifier an `If-None-Exist` header (or a batch entry's `ifNoneExist`) names:
/// `identifier=system|value`, as stored (`system|value`); `None` for any other search.
#[must_use]
pub fn if_none_exist(query: &str) -> Option<String> {
    let value = query.trim().strip_prefix("identifier=")?;
    let value = percent_decode(value)?;
    (value.contains('|') && !value.contains('&')).then_some(value)
}

/// `%XX` escapes decoded (a query's value); `None` when one is broken or not UTF-8.
#[must_use]
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A batch (or transaction) Bundle read into its creates, every resource read as
/// Kanta PHR takes it, at `now` (Finnish `today`): only `POST Observation` entries, at
/// most [`MAX_BATCH`].
///
/// # Errors
/// The first [`Refusal`], its location within the Bundle (`Bundle.entry[2].resource.code`).
pub fn read_batch(json: &str, now: OffsetDateTime, today: Date) -> Result<Vec<Create>, Refusal> {
    let resource: Resource = serde_json::from_str(json)
        .map_err(|e| Refusal::structural("Bundle", format!("not a valid FHIR R4 resource: {e}")))?;
    let Resource::Bundle(bundle) = resource else {
        return Err(Refusal::structural(
            "resourceType",
            "a batch or transaction Bundle is required here",
        ));
    };
    if !matches!(
        bundle.r#type,
        Coded::Known(BundleType::Batch | BundleType::Transaction)
    ) {
        return Err(Refusal::new("Bundle.type", "must be batch or transaction"));
    }
    if bundle.entry.len() > MAX_BATCH {
        return Err(Refusal::new(
            "Bundle.entry",
            format!("at most {MAX_BATCH} entries in one Bundle"),
        ));
    }
    bundle
        .entry
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = |field: &str| format!("Bundle.entry[{i}].{field}");
            let request = entry
                .request
                .as_ref()
                .ok_or_else(|| Refusal::new(at("request"), "a request is required"))?;
            if request.method != Coded::Known(HttpVerb::Post)
                || request.url.0.trim_start_matches('/') != "Observation"
            {
                return Err(Refusal::new(
                    at("request"),
                    "only POST Observation is taken in a batch",
                ));
            }
            let resource = entry
                .resource
                .as_ref()
                .ok_or_else(|| Refusal::new(at("resource"), "a resource is required"))?;
            let mut incoming =
                incoming(&resource.to_string(), now, today).map_err(|r| Refusal {
                    location: at(&format!(
                        "resource.{}",
                        r.location
                            .trim_start_matches("Observation.")
                            .trim_start_matches("Observation")
                    ))
                    .trim_end_matches('.')
                    .to_owned(),
                    ..r
                })?;
            incoming.resource = resource.to_string();
            let if_none_exist = match &request.if_none_exist {
                Some(query) => Some(if_none_exist(&query.0).ok_or_else(|| {
                    Refusal::new(at("request.ifNoneExist"), "must be identifier=system|value")
                })?),
                None => None,
            };
            Ok(Create {
                incoming,
                if_none_exist,
            })
        })
        .collect()
}

/// The most a search returns unless `_count` says fewer.
pub const DEFAULT_COUNT: usize = 100;

/// An Observation search's parameters (`code`, `date`, `patient`, `_count`), as the
/// archive searches: `code` a LOINC code (`http://loinc.org|8867-4` or `8867-4`,
/// comma-separated for any of them); `date` repeated for a range, each a day or a time
/// with its offset after a prefix `eq` (the default), `ge`, `gt`, `le` or `lt`;
/// `patient` (`Patient/<id>` or `<id>`); `_count` at most [`archive::wellbeing::MAX_SEARCH`].
///
/// # Errors
/// A [`Refusal`] naming the parameter: an unknown one, or a value not understood.
pub fn search_of(
    pairs: &[(String, String)],
) -> Result<archive::wellbeing::ObservationSearch, Refusal> {
    use archive::clock::from_finnish;
    use archive::model::{Measure, When, LOINC_SYSTEM};
    let mut search = archive::wellbeing::ObservationSearch {
        count: DEFAULT_COUNT,
        ..Default::default()
    };
    // A code that names no kind this service keeps: a search that finds nothing.
    let mut codes_named = false;
    let ms = |at: OffsetDateTime| i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
    for (name, value) in pairs {
        let refused = |problem: &str| Refusal::new(format!("search parameter {name}"), problem);
        match name.as_str() {
            "code" => {
                codes_named = true;
                for code in value.split(',') {
                    let code = match code.split_once('|') {
                        Some((system, code)) if system == LOINC_SYSTEM || system.is_empty() => code,
                        Some(_) => continue,
                        None => code,
                    };
                    if let Some(measure) = Measure::of_loinc(code.trim()) {
                        if !search.measures.contains(&measure) {
                            search.measures.push(measure);
                        }
                    }
                }
            }
            "date" => {
                let (prefix, text) = match value.get(..2) {
                    Some(p @ ("eq" | "ge" | "gt" | "le" | "lt")) => (p, &value[2..]),
                    _ => ("eq", value.as_str()),
                };
                // The instant a bound begins and the one after it ends.
                let (start, end) = match When::of_text(text) {
                    Some(When::Day(day)) => {
                        let start = from_finnish(day.midnight());
                        let next = day.next_day().map_or(start, |d| from_finnish(d.midnight()));
                        (ms(start), ms(next))
                    }
                    Some(When::Moment(at)) => (ms(at), ms(at) + 1),
                    None => return Err(refused(
                        "a day (YYYY-MM-DD) or a time with its offset, after eq, ge, gt, le or lt",
                    )),
                };
                let raise = |bound: &mut Option<i64>, to: i64| {
                    *bound = Some(bound.map_or(to, |b| b.max(to)))
                };
                let lower = |bound: &mut Option<i64>, to: i64| {
                    *bound = Some(bound.map_or(to, |b| b.min(to)))
                };
                match prefix {
                    "ge" => raise(&mut search.from_ms, start),
                    "gt" => raise(&mut search.from_ms, end),
                    "le" => lower(&mut search.before_ms, end),
                    "lt" => lower(&mut search.before_ms, start),
                    _ => {
                        raise(&mut search.from_ms, start);
                        lower(&mut search.before_ms, end);
                    }
                }
            }
            "patient" | "subject" => {
                search.patient = Some(value.strip_prefix("Patient/").unwrap_or(value).to_owned());
            }
            "_count" => {
                search.count = value
                    .parse::<usize>()
                    .map_err(|_| refused("a whole number"))?
                    .min(archive::wellbeing::MAX_SEARCH);
            }
            // How the answer is written: JSON is the only format.
            "_format" if value.contains("json") => {}
            _ => return Err(refused("not supported: code, date, patient and _count are")),
        }
    }
    if codes_named && search.measures.is_empty() {
        search.count = 0;
    }
    Ok(search)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_search_reads_its_dates_codes_and_count() {
        let search = search_of(&pairs(&[
            ("date", "ge2017-11-01"),
            ("date", "lt2017-12-01"),
        ]))
        .expect("search");
        // Finnish midnights: 2017-10-31T22:00Z and 2017-11-30T22:00Z.
        assert_eq!(search.from_ms, Some(1_509_487_200_000));
        assert_eq!(search.before_ms, Some(1_512_079_200_000));
        let day = search_of(&pairs(&[("date", "2026-12-07")])).expect("day");
        assert_eq!(
            day.before_ms.zip(day.from_ms).map(|(b, f)| b - f),
            Some(86_400_000)
        );
        let codes = search_of(&pairs(&[
            ("code", "http://loinc.org|8867-4,29463-7"),
            ("_count", "5"),
        ]))
        .expect("codes");
        assert_eq!(
            codes.measures,
            [
                archive::model::Measure::HeartRate,
                archive::model::Measure::BodyWeight
            ]
        );
        assert_eq!(codes.count, 5);
        // A code of no kind kept here finds nothing; an unknown parameter is refused.
        assert_eq!(
            search_of(&pairs(&[("code", "1234-5")]))
                .expect("none")
                .count,
            0
        );
        assert!(search_of(&pairs(&[("colour", "blue")])).is_err());
        assert!(search_of(&pairs(&[("date", "ge20.11.2017")])).is_err());
    }

    #[test]
    fn if_none_exist_names_one_identifier() {
        assert_eq!(
            if_none_exist("identifier=urn:ietf:rfc:3986%7Curn:uuid:abc").as_deref(),
            Some("urn:ietf:rfc:3986|urn:uuid:abc")
        );
        assert_eq!(if_none_exist("code=1234"), None);
        assert_eq!(if_none_exist("identifier=abc"), None);
        assert_eq!(if_none_exist("identifier=a|b&code=c"), None);
    }
}

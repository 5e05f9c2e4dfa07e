//! The disclosure log over HTTP: care organisations' queries (the demo's three years,
//! and one made now) with their unit, role and purpose and what the denials kept
//! back; the filter by days and organisation, kept as typed when it is wrong; keyset
//! paging; one entry's page; and the CSV file with the same filter, read back by a CSV
//! parser.

use crate::common::spawn_app;

use archive::demo::ids;
use archive::model::{Asked, LogFilter, OrganisationId, ProviderQuery, QueryPurpose, QueryRole};
use reqwest::StatusCode;

/// Kela's prescription centre in the demo.
const KELA: i64 = 7;

fn hrefs<'a>(html: &'a str, starting: &str) -> Vec<&'a str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| h.starts_with(starting))
        .collect()
}

#[tokio::test]
async fn organisations_queries_are_listed_filtered_paged_and_opened() {
    let app = spawn_app().await;
    // A query made now, while Mikko's denial of his occupational health care's
    // register is in force.
    let hetu = archive::inspect::hetu_of(&app.archive, ids::HEAVY_USER)
        .await
        .expect("hetu");
    let answer = app
        .archive
        .provider_query(
            &hetu,
            &ProviderQuery {
                organisation: OrganisationId::from_raw(2),
                unit: Some(archive::model::UnitId::from_raw(204)),
                role: QueryRole::Physician,
                purpose: QueryPurpose::Treatment,
                asked: Asked::Documents,
                from: None,
            },
        )
        .await
        .expect("query");
    assert!(answer.withheld > 0);

    let mikko = app.sign_in("1002").await;
    let res = app.get("/disclosure-log", Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.expect("body");
    for expected in [
        "HUS-yhtymä",
        "Jorvin sairaala, päivystys",
        "Lääkäri",
        "Hoitosi",
        "Asiakirjojen katsominen",
        "jäi näkymättä kieltojesi vuoksi",
        "Hervannan apteekki",
        "Farmaseutti",
        "Lääkkeen toimittaminen",
        "Kela, Reseptikeskus",
        "Kelan korvauskäsittelijä",
    ] {
        assert!(html.contains(expected), "{expected}");
    }
    // The last two years by default, in the filter's fields.
    let today = app.archive.clock().today();
    let two_years_ago = LogFilter::last_two_years(today).range.from.expect("from");
    assert!(html.contains(&format!(r#"value="{two_years_ago}""#)));

    // Paged: the next page is older, and offers the newest again.
    let next = hrefs(&html, "/disclosure-log?");
    let next = next
        .iter()
        .find(|h| h.contains("after="))
        .expect("a next page")
        .replace("&amp;", "&");
    let older = app
        .get(&next, Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(older.contains("Uusimmat"));
    assert!(
        !older.contains("Jorvin sairaala, päivystys"),
        "the query of now is on the first page"
    );

    // One organisation's queries only.
    let kela = app
        .get(
            &format!("/disclosure-log?from=&to=&organisation={KELA}"),
            Some(&mikko),
        )
        .await
        .text()
        .await
        .expect("body");
    assert!(kela.contains("Kelan korvauskäsittelijä"));
    assert!(!kela.contains("Farmaseutti") && !kela.contains("Asiakirjojen katsominen"));

    // An entry's page lists what it disclosed.
    let entry = hrefs(&html, "/disclosure-log/entry?key=")[0].replace("&amp;", "&");
    let page = app.get(&entry, Some(&mikko)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.expect("body");
    assert!(page.contains("Luovutetut asiakirjat") && page.contains("HUS-yhtymä"));
    assert!(page.contains("kieltojesi vuoksi"));
    // Another person's entry is not found, and a malformed key is refused.
    let aino = app.sign_in("1001").await;
    assert_eq!(
        app.get(&entry, Some(&aino)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_ne!(
        app.get("/disclosure-log/entry?key=x", Some(&mikko))
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_wrong_filter_is_named_and_kept_as_typed() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let res = app
        .get(
            "/disclosure-log?from=32.13.2026&to=1.1.2020&organisation=HUS",
            Some(&mikko),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let html = res.text().await.expect("body");
    assert!(
        html.contains(r#"value="32.13.2026""#),
        "what was typed is kept"
    );
    assert!(html.contains(r##"href="#from""##) && html.contains(r##"href="#organisation""##));
    assert!(
        html.contains("Kela, Reseptikeskus"),
        "the choices are still offered"
    );
}

#[tokio::test]
async fn the_csv_file_has_the_filter_s_entries_and_reads_back() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let res = app
        .get(
            &format!("/disclosure-log.csv?from=&to=&organisation={KELA}"),
            Some(&mikko),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    assert!(res
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("attachment")));
    let body = res.bytes().await.expect("body");
    assert!(body.starts_with(b"\xEF\xBB\xBF"), "a byte order mark first");
    let mut reader = csv::Reader::from_reader(&body[3..]);
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[0], "Aika");
    assert_eq!(&header[1], "Kuka");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let expected = app
        .own(ids::HEAVY_USER)
        .await
        .disclosure_log(
            &LogFilter {
                organisation: Some(OrganisationId::from_raw(KELA)),
                ..LogFilter::default()
            },
            None,
            500,
        )
        .await
        .expect("log")
        .actions;
    assert!(!rows.is_empty());
    assert_eq!(rows.len(), expected.len());
    for row in &rows {
        assert_eq!(row.len(), header.len());
        assert_eq!(&row[1], "Kela, Reseptikeskus");
        assert_eq!(&row[3], "Kelan korvauskäsittelijä", "ä and ö read back");
        assert_eq!(&row[4], "Lääkekorvaus");
        assert!(row[6].parse::<u32>().is_ok());
    }
    // Signed out: sent to sign in, nothing written.
    let res = app
        .client
        .get(format!("{}/disclosure-log.csv", app.base))
        .send()
        .await
        .expect("request");
    assert!(res.url().path().starts_with("/sign-in") || res.status().is_redirection());
    // A wrong filter is a translated page, not a file.
    let res = app.get("/disclosure-log.csv?from=x", Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

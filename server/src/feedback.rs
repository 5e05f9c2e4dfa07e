//! `omakanta feedback [DAYS]`: the accessibility feedback received in the last DAYS
//! days (30 when not given), oldest first, for the maintainers who answer it. Read and
//! written a page at a time, so however much arrives the listing never holds it all.

use std::io::Write;

use archive::model::ReceivedFeedback;
use archive::{Archive, ArchiveError};

/// How many messages the listing reads at a time.
pub const PAGE: u32 = 200;

/// Why the listing stopped.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("cannot read the feedback: {0}")]
    Archive(#[from] ArchiveError),
    #[error("cannot write the listing: {0}")]
    Write(#[from] std::io::Error),
}

/// Writes the feedback received since `since_ms` (Unix milliseconds) to `out`, reading
/// `page` messages at a time, and a last line with how many there were.
///
/// # Errors
/// When the archive cannot be read or `out` written.
pub async fn list(
    archive: &Archive,
    since_ms: i64,
    page: u32,
    out: &mut impl Write,
) -> Result<usize, ListError> {
    let mut after = None;
    let mut listed = 0;
    loop {
        let batch = archive.feedback_received(since_ms, after, page).await?;
        let Some(last) = batch.last() else { break };
        after = Some((last.received_ms, last.id));
        for f in &batch {
            out.write_all(entry(f).as_bytes())?;
        }
        out.flush()?;
        listed += batch.len();
    }
    writeln!(out, "\n{listed} feedback messages")?;
    Ok(listed)
}

/// One message as text for a terminal: as its sender typed it, except that what could
/// drive the terminal or reorder what it shows is written as `\u{…}`.
#[must_use]
pub fn entry(f: &ReceivedFeedback) -> String {
    let when = time::OffsetDateTime::from_unix_timestamp(f.received_ms.div_euclid(1000))
        .ok()
        .and_then(|t| {
            t.format(time::macros::format_description!(
                "[year]-[month]-[day] [hour]:[minute] UTC"
            ))
            .ok()
        })
        .unwrap_or_else(|| f.received_ms.to_string());
    let mut out = format!("\n#{} {when} [{}]\n", f.id, f.language.code());
    if let Some(page) = &f.page {
        out.push_str(&format!("about: {}\n", inert(page)));
    }
    if let Some(contact) = &f.contact {
        out.push_str(&format!("answer to: {}\n", inert(contact)));
    }
    for line in f.message.lines() {
        out.push_str(&format!("  {}\n", inert(line)));
    }
    out
}

/// Whether a character is shown as an escape: control characters (escape sequences,
/// carriage returns), the line and paragraph separators, and the bidirectional
/// formatting characters (marks, embeddings, overrides, isolates), which could make
/// a line read otherwise than it is stored.
fn escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// A line with those characters made visible.
fn inert(text: &str) -> String {
    text.chars()
        .map(|c| {
            if escaped(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use archive::model::Language;

    fn received(message: &str) -> ReceivedFeedback {
        ReceivedFeedback {
            id: 7,
            received_ms: 1_796_000_000_000,
            page: Some("Reseptit".into()),
            language: Language::Sv,
            message: message.into(),
            contact: None,
        }
    }

    #[test]
    fn an_entry_shows_each_message_as_typed_but_never_a_terminal_control() {
        let text = entry(&received("Fokus <b>syns</b> inte\n\u{1b}[2Jrad två"));
        assert!(text.contains("#7 2026-11-30 00:53 UTC [sv]\n"), "{text}");
        assert!(text.contains("about: Reseptit\n"));
        assert!(!text.contains("answer to:"));
        assert!(
            text.contains("  Fokus <b>syns</b> inte\n  \\u{1b}[2Jrad två\n"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn bidirectional_controls_and_separators_are_shown_as_escapes() {
        // U+202E would show the rest of the line backwards; U+2028 would break it.
        let text = entry(&received(
            "tili \u{202e}gnp.exe\u{202c} ja \u{2066}x\u{2069} \u{200f}\u{061c}\u{2028}loppu\u{2029}",
        ));
        for code in [
            "202e", "202c", "2066", "2069", "200f", "61c", "2028", "2029",
        ] {
            assert!(text.contains(&format!("\\u{{{code}}}")), "{code}: {text}");
        }
        assert!(
            !text.chars().any(|c| escaped(c) && c != '\n'),
            "none is left as it is: {text:?}"
        );
        assert!(text.contains("  tili \\u{202e}gnp.exe"), "{text}");
        assert!(entry(&received("Tämä on hyvä – kiitos! 👍")).contains("Tämä on hyvä – kiitos! 👍"));
    }

    #[tokio::test]
    async fn the_listing_reads_a_page_at_a_time_and_lists_each_message_once() {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("f.db").display());
        let archive = Archive::open(&url, std::sync::Arc::new(archive::clock::SystemClock))
            .await
            .expect("archive");
        for i in 0..5 {
            archive
                .receive_feedback(&archive::model::Feedback {
                    page: None,
                    message: format!("viesti {i}"),
                    contact: None,
                    language: Language::Fi,
                    key: format!("listing-key-{i:06}"),
                })
                .await
                .expect("kept");
        }
        let mut out = Vec::new();
        assert_eq!(list(&archive, 0, 2, &mut out).await.expect("listed"), 5);
        let text = String::from_utf8(out).expect("text");
        for i in 0..5 {
            assert_eq!(
                text.matches(&format!("  viesti {i}\n")).count(),
                1,
                "{text}"
            );
        }
        assert!(text.ends_with("\n5 feedback messages\n"), "{text}");
    }
}

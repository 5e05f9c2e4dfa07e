//! `omakanta feedback [DAYS]`: the accessibility feedback received in the last DAYS
//! days (30 when not given), oldest first, for the maintainers who answer it.

use archive::model::ReceivedFeedback;

/// The feedback as text for a terminal: each message as its sender typed it, except
/// that control characters (which could drive the terminal) are shown as `\u{…}`.
#[must_use]
pub fn report(list: &[ReceivedFeedback]) -> String {
    let mut out = format!("{} feedback messages\n", list.len());
    for f in list {
        let when = time::OffsetDateTime::from_unix_timestamp(f.received_ms.div_euclid(1000))
            .ok()
            .and_then(|t| {
                t.format(time::macros::format_description!(
                    "[year]-[month]-[day] [hour]:[minute] UTC"
                ))
                .ok()
            })
            .unwrap_or_else(|| f.received_ms.to_string());
        out.push_str(&format!("\n#{} {when} [{}]\n", f.id, f.language.code()));
        if let Some(page) = &f.page {
            out.push_str(&format!("about: {}\n", inert(page)));
        }
        if let Some(contact) = &f.contact {
            out.push_str(&format!("answer to: {}\n", inert(contact)));
        }
        for line in f.message.lines() {
            out.push_str(&format!("  {}\n", inert(line)));
        }
    }
    out
}

/// A line with its control characters (escape sequences, carriage returns) made visible.
fn inert(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
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

    #[test]
    fn a_report_shows_each_message_as_typed_but_never_a_terminal_control() {
        let list = [ReceivedFeedback {
            id: 7,
            received_ms: 1_796_000_000_000,
            page: Some("Reseptit".into()),
            language: Language::Sv,
            message: "Fokus <b>syns</b> inte\n\u{1b}[2Jrad två".into(),
            contact: None,
        }];
        let text = report(&list);
        assert!(text.starts_with("1 feedback messages\n"), "{text}");
        assert!(text.contains("#7 2026-11-30 00:53 UTC [sv]\n"), "{text}");
        assert!(text.contains("[sv]"));
        assert!(text.contains("about: Reseptit\n"));
        assert!(!text.contains("answer to:"));
        assert!(
            text.contains("  Fokus <b>syns</b> inte\n  \\u{1b}[2Jrad två\n"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'));
    }
}

//! Feedback as sent and as kept, and its limits.

use serde::{Deserialize, Serialize};

use crate::model::Language;

/// The most characters a feedback message may have.
pub const MAX_FEEDBACK_CHARS: usize = 4000;
/// The most characters of the contact details.
pub const MAX_CONTACT_CHARS: usize = 200;
/// The most characters of what it says it is about.
pub const MAX_PAGE_CHARS: usize = 300;

/// Feedback as its sender gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// Which page or part of the service it is about, in the sender's words, if said.
    pub page: Option<String>,
    pub message: String,
    /// How the sender wants an answer, if at all.
    pub contact: Option<String>,
    /// The interface's language when it was sent, to answer in.
    pub language: Language,
    /// The form's idempotency key ([`crate::model::is_form_key`]): the same key keeps
    /// the feedback once.
    pub key: String,
}

impl Feedback {
    /// Everything wrong with it, each field with the code of what: every field at
    /// once, in the form's order. The store refuses what this finds.
    #[must_use]
    pub fn problems(&self) -> Vec<(&'static str, &'static str)> {
        let mut problems = Vec::new();
        if kept(self.page.as_deref()).is_some_and(|p| p.chars().count() > MAX_PAGE_CHARS) {
            problems.push(("page", "page-too-long"));
        }
        let message = self.message.trim();
        if message.is_empty() {
            problems.push(("message", "feedback-empty"));
        } else if message.chars().count() > MAX_FEEDBACK_CHARS {
            problems.push(("message", "feedback-too-long"));
        }
        if kept(self.contact.as_deref()).is_some_and(|c| c.chars().count() > MAX_CONTACT_CHARS) {
            problems.push(("contact", "contact-too-long"));
        }
        problems
    }

    /// What it says it is about, as kept: trimmed, none when empty.
    #[must_use]
    pub fn page_kept(&self) -> Option<&str> {
        kept(self.page.as_deref())
    }

    /// The contact details as kept: trimmed, none when empty.
    #[must_use]
    pub fn contact_kept(&self) -> Option<&str> {
        kept(self.contact.as_deref())
    }
}

/// An optional text as kept: trimmed, none when empty.
fn kept(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// Feedback as it was received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedFeedback {
    pub id: i64,
    /// When, in Unix milliseconds (UTC).
    pub received_ms: i64,
    pub page: Option<String>,
    pub language: Language,
    pub message: String,
    pub contact: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feedback(message: &str, contact: Option<&str>, page: &str) -> Feedback {
        Feedback {
            page: Some(page.into()),
            message: message.into(),
            contact: contact.map(Into::into),
            language: Language::Fi,
            key: "k".repeat(16),
        }
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let long_contact = "x".repeat(MAX_CONTACT_CHARS + 1);
        let long_page = "x".repeat(MAX_PAGE_CHARS + 1);
        assert_eq!(
            feedback("  ", Some(&long_contact), &long_page).problems(),
            [
                ("page", "page-too-long"),
                ("message", "feedback-empty"),
                ("contact", "contact-too-long")
            ]
        );
        let long = "ä".repeat(MAX_FEEDBACK_CHARS + 1);
        assert_eq!(
            feedback(&long, None, "/").problems(),
            [("message", "feedback-too-long")]
        );
        assert!(feedback(&"ä".repeat(MAX_FEEDBACK_CHARS), None, "/")
            .problems()
            .is_empty());
    }

    #[test]
    fn optional_texts_are_trimmed_and_empty_is_none() {
        let f = feedback("x", Some("  "), " Reseptit ");
        assert_eq!(f.page_kept(), Some("Reseptit"));
        assert_eq!(f.contact_kept(), None);
    }
}

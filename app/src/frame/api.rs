//! The frame's server functions: who is signed in and for whom, whom they may act
//! for, and the demo persons of the development sign-in.

use archive::model::{DemoPerson, FrontPage, SignedIn};
use archive::{Holder, Refusal};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Who is signed in, and by which right they act for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user: SignedIn,
    /// When acting for someone else: the right today, or why there is none.
    pub acting: Option<Result<Holder, Refusal>>,
}

impl Session {
    /// By which right the session acts now; `None` when the right to act for the
    /// chosen person has ended.
    #[must_use]
    pub fn holder(&self) -> Option<Holder> {
        match self.acting {
            None => Some(Holder::Own),
            Some(Ok(holder)) => Some(holder),
            Some(Err(_)) => None,
        }
    }
}

/// Who is signed in, if anyone.
#[server(prefix = "/api", endpoint = "whoami")]
pub async fn whoami() -> Result<Option<Session>, AppError> {
    let Some(who) = crate::ssr::authenticated() else {
        return Ok(None);
    };
    let acting = match &who.signed_in.acting_for {
        None => None,
        Some(_) => Some(match crate::ssr::subject_access().await {
            Ok(access) => Ok(access.right().holder()),
            Err(AppError::Forbidden { reason }) => Err(reason),
            Err(e) => return Err(e),
        }),
    };
    Ok(Some(Session {
        user: who.signed_in,
        acting,
    }))
}

/// The front page's read: what is new since the signed-in person's previous visit, in
/// each section the session's right covers, and, for one's own session, whom one may
/// act for.
#[server(prefix = "/api", endpoint = "front-page")]
pub async fn read_front_page() -> Result<FrontPage, AppError> {
    use crate::ssr::{authenticated, subject_access};
    let who = authenticated().ok_or(AppError::Unauthenticated)?;
    Ok(subject_access().await?.front_page(&who.token).await?)
}

/// The demo persons, when the development sign-in is on.
#[server(prefix = "/api", endpoint = "demo-persons")]
pub async fn list_demo_persons() -> Result<Vec<DemoPerson>, AppError> {
    use crate::ssr::context_archive;
    use crate::SiteMode;
    let dev = use_context::<SiteMode>().is_some_and(|m| m.dev_sign_in);
    if !dev {
        return Err(AppError::NotFound);
    }
    Ok(context_archive()?.demo_persons().await?)
}

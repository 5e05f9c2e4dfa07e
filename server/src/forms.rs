//! Forms posted to a page's own address. The page itself answers: the server renders
//! it with the posted values in context, and the page sends them to the archive, then
//! redirects (303) on success or shows the form again as typed, with what is wrong.
//! So a form works the same with JavaScript off, and nothing typed is lost.

use app::abroad::api::AbroadChange;
use app::accessibility::api::FeedbackSubmission;
use app::consents::api::{ConsentChange, NoticeSubmission};
use app::living_will::api::LivingWillSubmission;
use app::organ_donation::api::OrganDonationSubmission;
use app::prescriptions::api::RenewalSubmission;
use app::shell;
use app::ui::form::PostedForm;
use app::wellbeing::api::{MeasurementChange, MeasurementSubmission, SharingSubmission};
use axum::body::Body;
use axum::extract::{Form, FromRequest, State};
use axum::http::Request;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use leptos::prelude::provide_context;

use crate::AppState;

/// The forms posted to their own pages, each at its page's address: one line a form.
pub fn routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route(RenewalSubmission::PATH, post(answer::<RenewalSubmission>))
        .route(
            LivingWillSubmission::PATH,
            post(answer::<LivingWillSubmission>),
        )
        .route(
            OrganDonationSubmission::PATH,
            post(answer::<OrganDonationSubmission>),
        )
        .route(NoticeSubmission::PATH, post(answer::<NoticeSubmission>))
        .route(ConsentChange::PATH, post(answer::<ConsentChange>))
        .route(FeedbackSubmission::PATH, post(answer::<FeedbackSubmission>))
        .route(
            MeasurementSubmission::PATH,
            post(answer::<MeasurementSubmission>),
        )
        .route(MeasurementChange::PATH, post(answer::<MeasurementChange>))
        .route(SharingSubmission::PATH, post(answer::<SharingSubmission>))
        .route(AbroadChange::PATH, post(answer::<AbroadChange>))
}

/// Renders the page at the request's address with the posted form in context.
async fn answer<T: PostedForm>(State(state): State<AppState>, req: Request<Body>) -> Response {
    let (parts, body) = req.into_parts();
    // A body that is not a form gives an empty one, which the page explains.
    let typed = Form::<T>::from_request(Request::from_parts(parts.clone(), body), &state)
        .await
        .map(|Form(typed)| typed)
        .unwrap_or_default();
    let options = state.leptos_options.clone();
    let context = state.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            context.provide();
            provide_context(typed.clone());
        },
        move || shell(options.clone()),
    );
    render(Request::from_parts(parts, Body::empty())).await
}

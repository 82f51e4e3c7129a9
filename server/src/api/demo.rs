//! The demo's token issuer over HTTP, on while demo tokens are (`identity::demo`):
//! `GET /demo/jwks.json` publishes its public key as a store's identity server would, and
//! `POST /demo/token {"account": "demo-member-1"}` signs a short-lived JWT for a demo account,
//! which is what the example shell's login and token provider call.

use axum::{
    extract::State,
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use serde_json::json;

use crate::{
    error::{ApiError, ApiOk},
    identity::{demo::TOKEN_SECONDS, Principal},
    AppState,
};

fn issuer(state: &AppState) -> Result<&crate::identity::demo::DemoIssuer, ApiError> {
    state
        .config
        .identity
        .demo
        .as_ref()
        .ok_or_else(|| ApiError::NotFound("데모 로그인이 꺼져 있습니다.".to_owned()))
}

/// `GET /demo/jwks.json`
pub async fn jwks(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(Json(issuer(&state)?.jwks().clone()).into_response())
}

#[derive(Deserialize)]
pub struct Login {
    /// A demo account: one of the seed's demo tokens (`demo-member-1`, `demo-counselor`, …).
    account: String,
}

/// `POST /demo/token` — `{token, expiresIn}` for a demo account.
pub async fn token(
    State(state): State<AppState>,
    crate::api::extract::Json(login): crate::api::extract::Json<Login>,
) -> Result<ApiOk<serde_json::Value>, ApiError> {
    let demo = issuer(&state)?;
    // A demo member's row exists already: the name claim only names a member not yet fed.
    let token = match state
        .config
        .identity
        .demo_account(&login.account, &state.db)
        .await?
    {
        Principal::Member { mbr_no } => demo.issue(&mbr_no, &mbr_no, &[]),
        Principal::Counselor {
            cnslr_no,
            cnslr_nm,
            manager,
        } => {
            let roles: &[&str] = if manager {
                &["counselor", crate::identity::jwt::MANAGER_ROLE]
            } else {
                &["counselor"]
            };
            demo.issue(&cnslr_no, &cnslr_nm, roles)
        }
    };
    Ok(ApiOk::ok(
        json!({ "token": token, "expiresIn": TOKEN_SECONDS }),
    ))
}

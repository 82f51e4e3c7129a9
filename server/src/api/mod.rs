//! The HTTP surface: routes, CORS, static files, and envelopes for everything that goes wrong.

pub mod assets;
pub mod bo;
pub mod demo;
pub mod dto;
pub mod etag;
pub mod extract;
pub mod fo;
pub mod form;
pub mod integration;
pub mod present;
pub mod query;
pub mod security;
pub mod vendor;

use std::time::Duration;

use axum::{
    extract::DefaultBodyLimit,
    http::{header, HeaderName, HeaderValue, Method, Request},
    response::{IntoResponse, Response},
    routing::{any, delete, get, post, put},
    Router,
};
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::{
        predicate::{NotForContentType, Predicate, SizeAbove},
        CompressionLayer, CompressionLevel,
    },
    cors::{AllowOrigin, CorsLayer},
    set_header::SetResponseHeaderLayer,
    trace::TraceLayer,
};

use crate::{config::CorsPolicy, error::ApiError, AppState};

/// Origins on this machine (any port, http or https).
pub fn is_loopback_origin(origin: &str) -> bool {
    let rest = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    let Some(rest) = rest else { return false };
    let host = match rest.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => rest,
    };
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

fn cors(policy: &CorsPolicy) -> CorsLayer {
    let origin = match policy {
        CorsPolicy::Loopback => AllowOrigin::predicate(|o: &HeaderValue, _| {
            o.to_str().map(is_loopback_origin).unwrap_or(false)
        }),
        CorsPolicy::List(list) => {
            AllowOrigin::list(list.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
        }
    };
    CorsLayer::new()
        .allow_origin(origin)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_NONE_MATCH,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static(crate::auth::REQUESTED_WITH.0),
        ])
        .expose_headers([HeaderName::from_static("idempotent-replayed"), header::ETAG])
        .allow_credentials(true)
        .max_age(Duration::from_secs(600))
}

async fn api_not_found() -> ApiError {
    ApiError::NotFound("요청한 API를 찾을 수 없습니다.".to_owned())
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::Internal("handler panicked".to_owned()).into_response()
}

pub fn router(state: AppState) -> Router {
    let cs = "/api/order/v1/customerservice";
    let bo = "/api/bo/v1/customerservice";
    let api = Router::new()
        .route(&format!("{cs}/getQuestion"), get(fo::get_question))
        .route(&format!("{cs}/getQuestionInit"), get(fo::get_question_init))
        .route(&format!("{cs}/getQuestionDtl"), get(fo::get_question_dtl))
        .route(&format!("{cs}/getGoodsList"), post(fo::get_goods_list))
        .route(&format!("{cs}/questionSave"), post(fo::question_save))
        .route(&format!("{cs}/questionMod"), put(fo::question_mod))
        .route(&format!("{cs}/questionDel"), delete(fo::question_del))
        .route(&format!("{cs}/getQuestionFile"), get(fo::get_question_file))
        .route(
            &format!("{cs}/questionSatisfaction"),
            post(fo::question_satisfaction),
        )
        .route(
            &format!("{cs}/questionAnsRead"),
            post(fo::question_ans_read),
        )
        .route(
            "/api/order/v1/customer/getOrderClaimGoodsList",
            get(fo::get_order_claim_goods_list),
        )
        .route(&format!("{bo}/whoami"), get(bo::whoami))
        .route(&format!("{bo}/getQuestionList"), get(bo::get_question_list))
        .route(
            &format!("{bo}/getQuestionCounts"),
            get(bo::get_question_counts),
        )
        .route(
            &format!("{bo}/getAnswerTemplates"),
            get(bo::get_answer_templates),
        )
        .route(
            &format!("{bo}/getCounselorList"),
            get(bo::get_counselor_list),
        )
        .route(
            &format!("{bo}/getCnslTypeList"),
            get(bo::get_cnsl_type_list),
        )
        .route(&format!("{bo}/getQuestionDtl"), get(bo::get_question_dtl))
        .route(
            &format!("{bo}/getQuestionHistory"),
            get(bo::records::get_question_history),
        )
        .route(
            &format!("{bo}/getAccessLog"),
            get(bo::records::get_access_log),
        )
        .route(
            &format!("{bo}/getAccessLogCsv"),
            get(bo::records::get_access_log_csv),
        )
        .route(
            &format!("{bo}/getAnswerTargets"),
            get(bo::targets::get_answer_targets),
        )
        .route(
            &format!("{bo}/answerTargetMod"),
            post(bo::targets::answer_target_mod),
        )
        .route(
            &format!("{bo}/getDeskReport"),
            get(bo::report::get_desk_report),
        )
        .route(
            &format!("{bo}/getDeskReportCsv"),
            get(bo::report::get_desk_report_csv),
        )
        .route(
            &format!("{bo}/getAccessReview"),
            get(bo::review::get_access_review),
        )
        .route(&format!("{bo}/questionProc"), post(bo::question_proc))
        .route(&format!("{bo}/questionAns"), post(bo::question_ans))
        .route(&format!("{bo}/questionTrns"), post(bo::question_trns))
        .route(
            &format!("{bo}/getAnswerTemplateList"),
            get(bo::get_answer_template_list),
        )
        .route(
            &format!("{bo}/answerTemplateSave"),
            post(bo::answer_template_save),
        )
        .route(
            &format!("{bo}/answerTemplateMod"),
            post(bo::answer_template_mod),
        )
        .route(
            &format!("{bo}/answerTemplateDel"),
            post(bo::answer_template_del),
        )
        .route(
            &format!("{bo}/answerTemplatePreview"),
            post(bo::answer_template_preview),
        )
        .route(
            &format!("{bo}/questionMemoSave"),
            post(bo::question_memo_save),
        )
        .route(
            "/api/integration/v1/sellers/{vendor_id}/keys",
            get(integration::list_keys).post(integration::issue_key),
        )
        .route(
            "/api/integration/v1/sellers/{vendor_id}/keys/rotate",
            post(integration::rotate_key),
        )
        .route(
            "/api/integration/v1/sellers/{vendor_id}/keys/{access_key}",
            delete(integration::revoke_key),
        )
        .route(
            "/api/integration/v1/members/{mbr_no}",
            delete(integration::forget_member),
        )
        .route("/api/integration/v1/{kind}", post(integration::upsert))
        .route("/demo/jwks.json", get(demo::jwks))
        .route("/demo/token", post(demo::token))
        // Any other path under /api/ is a JSON 404 in our envelope, whatever the method: never
        // the SPA's page.
        .route("/api/{*rest}", any(api_not_found))
        .route("/api", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .route_layer(axum::middleware::from_fn(crate::ops::track))
        .layer(DefaultBodyLimit::max(state.config.limits.max_body_bytes()))
        .layer(axum::middleware::from_fn(etag::conditional))
        // API answers are per-member and change with every write: never cache them, unless a
        // handler says otherwise (photo downloads are private and immutable).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state.clone());

    // The seller API (Coupang's paths): its own envelope and CEA signatures, no cookies or CORS
    // (sellers call it server to server).
    let v = vendor::BASE;
    let sellers = Router::new()
        .route(
            &format!("{v}/v5/vendors/{{vendor_id}}/callCenterInquiries"),
            get(vendor::call_center_inquiries),
        )
        // The older v4 path of the list, which sellers' existing clients still call: the same
        // query, the same answer.
        .route(
            &format!("{v}/v4/vendors/{{vendor_id}}/callCenterInquiries"),
            get(vendor::call_center_inquiries),
        )
        .route(
            &format!("{v}/v5/vendors/callCenterInquiries/{{inquiry_id}}"),
            get(vendor::call_center_inquiry),
        )
        .route(
            &format!("{v}/v4/vendors/{{vendor_id}}/callCenterInquiries/{{inquiry_id}}/replies"),
            post(vendor::reply),
        )
        .route(
            &format!("{v}/v4/vendors/{{vendor_id}}/callCenterInquiries/{{inquiry_id}}/confirms"),
            post(vendor::confirm),
        )
        .route("/v2/providers/{*rest}", any(vendor::wire::not_found))
        .route("/v2/providers", any(vendor::wire::not_found))
        .method_not_allowed_fallback(vendor::wire::method_not_allowed)
        .route_layer(axum::middleware::from_fn(crate::ops::track))
        .layer(DefaultBodyLimit::max(64 * 1024))
        .layer(axum::middleware::from_fn(vendor::wire::coupang_json))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state.clone());

    let goods_images = Router::new()
        .route("/images/goods/{name}", get(fo::goods::goods_image))
        .with_state(state.clone());
    let mut app = api
        .merge(sellers)
        .merge(crate::ops::router(
            state.clone(),
            state.config.metrics_addr.is_none(),
        ))
        .merge(goods_images)
        .merge(crate::shell::router());
    if let Some(dir) = &state.config.console_dir {
        // The counselor console: its own trunk build (public URL /console/), its own index.html
        // for its client routes. Nothing of it is in the customer SPA.
        app = app.nest_service("/console", assets::app_files(dir));
    }
    if let Some(dir) = &state.config.static_dir {
        app = app.fallback_service(assets::app_files(dir));
    } else {
        app = app.fallback(api_not_found);
    }
    // Security headers on every HTML document (SPA, console, shell), with the inline scripts
    // of the built apps allowed by hash.
    let policy = security::DocumentPolicy::for_apps(
        [&state.config.static_dir, &state.config.console_dir]
            .into_iter()
            .flatten()
            .map(|d| d.as_path()),
    );
    app.layer(axum::middleware::from_fn_with_state(
        policy,
        security::document_headers,
    ))
    .layer(compression())
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
            }),
        )
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(cors(&state.config.cors))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

/// Responses smaller than this are sent as they are: below it, compression saves less than its
/// own framing and CPU cost.
pub const COMPRESS_MIN_BYTES: u16 = 1024;

/// Compresses what is not compressed yet (JSON lists and details, the shell's files, and SPA
/// files that have no precompressed sibling) with brotli or gzip as the client accepts, at
/// level 1. Brotli's default on-the-fly level (4) cleared a half-megabyte hash table for every
/// response: a fifth of the server's CPU under load, for JSON a few percent smaller. Images are
/// compressed already.
fn compression() -> CompressionLayer<impl Predicate> {
    let predicate = SizeAbove::new(COMPRESS_MIN_BYTES)
        .and(NotForContentType::IMAGES)
        .and(NotForContentType::GRPC)
        .and(NotForContentType::SSE);
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(1))
        .no_deflate()
        .no_zstd()
        .compress_when(predicate)
}

#[cfg(test)]
mod tests {
    #[test]
    fn loopback_origins() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:3000",
            "https://[::1]:4443",
            "http://localhost",
        ] {
            assert!(super::is_loopback_origin(ok), "{ok}");
        }
        for bad in [
            "http://127.0.0.1.evil.com",
            "http://example.com",
            "null",
            "http://10.0.0.1:80",
            "file://",
        ] {
            assert!(!super::is_loopback_origin(bad), "{bad}");
        }
    }
}

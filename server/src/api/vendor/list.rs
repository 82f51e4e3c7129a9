//! The seller's queries: the list (seed 002's rules) and one inquiry.

use super::{view::seller_view, *};
use crate::audit::{self, Action};

fn param<'a>(q: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    q.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn date(value: &str) -> Result<NaiveDate, Refused> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
        .ok_or_else(|| Refused::bad_request("pattern should be yyyy-MM-dd"))
}

fn number<T: std::str::FromStr>(
    q: &HashMap<String, String>,
    key: &str,
) -> Result<Option<T>, Refused> {
    param(q, key)
        .map(|v| {
            v.parse()
                .map_err(|_| Refused::bad_request(format!("{key} should be a number")))
        })
        .transpose()
}

/// The list's query, checked by Coupang's rules.
fn list_filter(
    vendor: &Vendor,
    path_vendor: &str,
    q: &HashMap<String, String>,
    offset: FixedOffset,
    now: String,
) -> Result<SellerFilter, Refused> {
    if param(q, "vendorId") != Some(path_vendor) || path_vendor != vendor.vendor_id {
        return Err(Refused::invalid_vendor());
    }
    let state = match param(q, "partnerCounselingStatus") {
        None => {
            return Err(Refused::bad_request(
                "partnerCounselingStatus is required: NONE, ANSWER, NO_ANSWER or TRANSFER",
            ))
        }
        Some("NONE") => SellerState::All,
        Some("ANSWER") => SellerState::Answered,
        Some("NO_ANSWER") => SellerState::NoAnswer,
        Some("TRANSFER") => SellerState::Transfer,
        Some(other) => {
            return Err(Refused::bad_request(format!(
                "partnerCounselingStatus should be one of NONE, ANSWER, NO_ANSWER, TRANSFER (was {other})"
            )))
        }
    };
    let vendor_item_id = number::<i64>(q, "vendorItemId")?;
    let accepted = match (param(q, "inquiryStartAt"), param(q, "inquiryEndAt")) {
        (None, None) if vendor_item_id.is_some() => None,
        (None, None) => {
            return Err(Refused::bad_request(
                "inquiryStartAt and inquiryEndAt are required unless vendorItemId is given",
            ))
        }
        (Some(start), Some(end)) => {
            let (start, end) = (date(start)?, date(end)?);
            if end < start {
                return Err(Refused::bad_request(
                    "inquiryEndAt should not be before inquiryStartAt",
                ));
            }
            if (end - start).num_days() > MAX_PERIOD_DAYS {
                return Err(Refused::bad_request(
                    "time interval needs to be less than or equal to 7 days",
                ));
            }
            Some((
                day_start_db(start, offset),
                day_start_db(end + Duration::days(1), offset),
            ))
        }
        _ => {
            return Err(Refused::bad_request(
                "inquiryStartAt and inquiryEndAt should be given together",
            ))
        }
    };
    let ord_no = match param(q, "orderId") {
        Some(o) if o.chars().all(|c| c.is_ascii_digit()) => Some(o.to_owned()),
        Some(_) => return Err(Refused::bad_request("orderId should be a number")),
        None => None,
    };
    let page = number::<u32>(q, "pageNum")?.unwrap_or(1);
    if page < 1 {
        return Err(Refused::bad_request("pageNum should be 1 or more"));
    }
    let size = number::<u32>(q, "pageSize")?.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&size) {
        return Err(Refused::bad_request("pageSize should be between 1 and 30"));
    }
    Ok(SellerFilter {
        vendor_id: vendor.vendor_id.clone(),
        accepted,
        vendor_item_id,
        ord_no,
        state,
        now,
        offset: (page - 1).saturating_mul(size),
        limit: size,
    })
}

/// `GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/callCenterInquiries` — the
/// inquiries transferred to this seller, newest first.
pub async fn call_center_inquiries(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(path_vendor): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Ok<InquiryPage>>, Fail> {
    let offset = state.config.store_offset;
    let f = list_filter(&vendor, &path_vendor, &q, offset, db_time(Utc::now()))?;
    let (page, size) = (f.offset / f.limit + 1, f.limit);
    let actor = vendor.actor();
    let data = state
        .db
        .write(move |c| -> Result<_, ApiError> {
            let (rows, total) = c.seller_inquiries(&f)?;
            let content = rows
                .iter()
                .map(|t| seller_view(c, t, &f.now, offset))
                .collect::<Result<Vec<_>, _>>()?;
            if !rows.is_empty() {
                let which = rows.iter().map(|t| t.ccn_no.as_str()).collect::<Vec<_>>();
                let detail = format!("{}건: {}", rows.len(), which.join(","));
                audit::log(c, &actor, Action::SellerList, None, None, &detail)?;
            }
            Ok(InquiryPage {
                content,
                pagination: Pagination {
                    current_page: page,
                    total_pages: total.div_ceil(u64::from(size)),
                    total_elements: total,
                    count_per_page: size,
                },
            })
        })
        .await?;
    Ok(ok(data))
}

/// `GET /v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/{inquiryId}` — one
/// inquiry, if it was transferred to this seller.
pub async fn call_center_inquiry(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(inquiry_id): Path<String>,
) -> Result<Json<Ok<CallCenterInquiry>>, Fail> {
    let offset = state.config.store_offset;
    let now = db_time(Utc::now());
    let actor = vendor.actor();
    let view = state
        .db
        .write(move |c| -> Result<_, ApiError> {
            Ok(
                match seller::own_transfer(c, &vendor.vendor_id, &inquiry_id)? {
                    Ok(t) => {
                        let view = seller_view(c, &t, &now, offset)?;
                        audit::log(c, &actor, Action::SellerView, Some(&t.ccn_no), None, "")?;
                        Ok(view)
                    }
                    Err(refused) => Err(refused),
                },
            )
        })
        .await??;
    Ok(ok(view))
}

//! The access log as CSV, for a manager's export: UTF-8 with a byte-order mark (so a
//! spreadsheet opens Korean text correctly), one row per entry, times in the storefront's
//! offset (and the download's headers, which the desk report's CSV shares). Written with the `csv` crate, which quotes what needs quoting; a cell that a
//! spreadsheet would read as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`.

use axum::{
    body::Body,
    http::{header, HeaderValue},
    response::Response,
};
use chrono::FixedOffset;

use crate::audit::Action;
use crate::{model::wire_time, store::AccessRecord};

pub const HEADER: [&str; 11] = [
    "번호",
    "일시",
    "역할",
    "처리자번호",
    "처리자",
    "접속IP",
    "행위코드",
    "행위",
    "문의번호",
    "회원번호",
    "내용",
];

/// The CSV of `rows`.
pub fn render(rows: &[AccessRecord], offset: FixedOffset) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(HEADER)?;
        for r in rows {
            let e = &r.entry;
            let label = Action::from_code(&e.action).map_or("", Action::label);
            w.write_record([
                r.log_no.to_string(),
                wire_time(&e.at, offset),
                e.role.code().to_owned(),
                cell(&e.actor_no),
                cell(&e.actor_nm),
                e.client_ip.clone().unwrap_or_default(),
                e.action.clone(),
                label.to_owned(),
                e.ccn_no.clone().unwrap_or_default(),
                cell(e.mbr_no.as_deref().unwrap_or("")),
                cell(&e.detail),
            ])?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A CSV download: `text/csv; charset=utf-8`, saved as `name`.
pub fn response(body: Vec<u8>, name: &str) -> Response {
    let mut response = Response::new(Body::from(body));
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// A spreadsheet reads a cell starting with these as a formula: make it text.
pub(crate) fn cell(v: &str) -> String {
    if v.starts_with(['=', '+', '-', '@']) {
        format!("'{v}")
    } else {
        v.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{ActorRole, NewAccess};

    #[test]
    fn quotes_commas_and_defuses_formulas() {
        let row = AccessRecord {
            log_no: 7,
            entry: NewAccess {
                at: "2026-12-07T01:02:03.000Z".into(),
                role: ActorRole::Manager,
                actor_no: "M1".into(),
                actor_nm: "=HYPERLINK(\"x\")".into(),
                client_ip: Some("10.0.0.1".into()),
                action: "EXPORT_LOG".into(),
                ccn_no: None,
                mbr_no: None,
                detail: "사유: 월간 점검, 12월".into(),
            },
        };
        let kst = FixedOffset::east_opt(9 * 3600).unwrap();
        let text = String::from_utf8(render(&[row], kst).unwrap()).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let line = text.lines().nth(1).unwrap();
        assert!(line.contains("2026-12-07T10:02:03+09:00"), "{line}");
        assert!(line.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{line}");
        assert!(line.contains("\"사유: 월간 점검, 12월\""), "{line}");
        assert!(line.contains("접근기록 내보내기"), "{line}");
    }
}

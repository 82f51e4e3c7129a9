//! Access tokens: who a token's hash belongs to.

use rusqlite::{Connection, OptionalExtension};

use crate::store::{records::CounselorRef, TokenHolder};

/// The holder of the token whose SHA-256 is `hash`, if any.
pub fn token_holder(conn: &Connection, hash: &str) -> rusqlite::Result<Option<TokenHolder>> {
    let row = conn
        .prepare_cached(
            "SELECT t.role, t.subject_no, COALESCE(c.cnslr_nm, ''),
                    COALESCE(c.mgr_yn, 'N') = 'Y'
               FROM access_token t LEFT JOIN counselor c ON c.cnslr_no = t.subject_no
              WHERE t.token_hash = ?1",
        )?
        .query_row([hash], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })
        .optional()?;
    Ok(
        row.map(|(role, subject, name, manager)| match role.as_str() {
            "MEMBER" => TokenHolder::Member { mbr_no: subject },
            _ => TokenHolder::Counselor {
                cnslr_no: subject,
                name,
                manager,
            },
        }),
    )
}

/// Every counselor, by number.
pub fn counselors(conn: &Connection) -> rusqlite::Result<Vec<CounselorRef>> {
    let mut stmt =
        conn.prepare_cached("SELECT cnslr_no, cnslr_nm FROM counselor ORDER BY cnslr_no")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(CounselorRef {
                no: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect();
    rows
}

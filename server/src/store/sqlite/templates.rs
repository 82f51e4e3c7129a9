//! Answer templates (`ans_tmpl`).

use rusqlite::Connection;

use crate::store::records::TemplateRecord;

/// Templates offered for an inquiry of leaf type `leaf_no`: the leaf's own, its large type's,
/// and the general ones; the most specific first.
pub fn answer_templates(conn: &Connection, leaf_no: &str) -> rusqlite::Result<Vec<TemplateRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.tmpl_no, a.tmpl_nm, a.tmpl_cont, a.cnsl_typ_no
           FROM ans_tmpl a
          WHERE a.cnsl_typ_no IS NULL
             OR a.cnsl_typ_no = ?1
             OR a.cnsl_typ_no = (SELECT upr_cnsl_typ_no FROM cnsl_typ WHERE cnsl_typ_no = ?1)
          ORDER BY CASE WHEN a.cnsl_typ_no = ?1 THEN 0
                        WHEN a.cnsl_typ_no IS NULL THEN 2 ELSE 1 END, a.sort_seq",
    )?;
    let rows = stmt
        .query_map([leaf_no], |r| {
            Ok(TemplateRecord {
                no: r.get(0)?,
                name: r.get(1)?,
                content: r.get(2)?,
                type_no: r.get(3)?,
            })
        })?
        .collect();
    rows
}

pub fn insert_template(
    conn: &Connection,
    t: &TemplateRecord,
    sort_seq: u32,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO ans_tmpl (tmpl_no, cnsl_typ_no, tmpl_nm, tmpl_cont, sort_seq)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![t.no, t.type_no, t.name, t.content, sort_seq],
    )?;
    Ok(())
}

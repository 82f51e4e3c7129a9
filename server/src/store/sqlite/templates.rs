//! Answer templates (`ans_tmpl`): shared ones (no owner) and counselors' own.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::store::records::TemplateRecord;

const COLUMNS: &str = "a.tmpl_no, a.tmpl_nm, a.tmpl_cont, a.cnsl_typ_no, a.cnslr_no, a.use_cnt";

fn template(r: &Row) -> rusqlite::Result<TemplateRecord> {
    Ok(TemplateRecord {
        no: r.get(0)?,
        name: r.get(1)?,
        content: r.get(2)?,
        type_no: r.get(3)?,
        owner: r.get(4)?,
        use_count: r.get(5)?,
    })
}

/// Templates offered for an inquiry of leaf type `leaf_no` to `cnslr_no`: the leaf's own, its
/// large type's, and the general ones, the most specific first; shared and their own.
pub fn answer_templates(
    conn: &Connection,
    leaf_no: &str,
    cnslr_no: &str,
) -> rusqlite::Result<Vec<TemplateRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS}
           FROM ans_tmpl a
          WHERE (a.cnslr_no IS NULL OR a.cnslr_no = ?2)
            AND (a.cnsl_typ_no IS NULL
                 OR a.cnsl_typ_no = ?1
                 OR a.cnsl_typ_no = (SELECT upr_cnsl_typ_no FROM cnsl_typ WHERE cnsl_typ_no = ?1))
          ORDER BY CASE WHEN a.cnsl_typ_no = ?1 THEN 0
                        WHEN a.cnsl_typ_no IS NULL THEN 2 ELSE 1 END, a.sort_seq, a.tmpl_nm"
    ))?
    .query_map(params![leaf_no, cnslr_no], template)?
    .collect()
}

pub fn templates_of(conn: &Connection, cnslr_no: &str) -> rusqlite::Result<Vec<TemplateRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM ans_tmpl a
          WHERE a.cnslr_no IS NULL OR a.cnslr_no = ?1
          ORDER BY a.cnslr_no IS NOT NULL, a.tmpl_nm, a.tmpl_no"
    ))?
    .query_map([cnslr_no], template)?
    .collect()
}

pub fn template_by_no(conn: &Connection, no: &str) -> rusqlite::Result<Option<TemplateRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM ans_tmpl a WHERE a.tmpl_no = ?1"
    ))?
    .query_row([no], template)
    .optional()
}

pub fn template_name_taken(
    conn: &Connection,
    owner: Option<&str>,
    name: &str,
    except_no: Option<&str>,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM ans_tmpl
                         WHERE COALESCE(cnslr_no, '') = COALESCE(?1, '') AND tmpl_nm = ?2
                           AND tmpl_no IS NOT COALESCE(?3, ''))",
    )?
    .query_row(params![owner, name, except_no], |r| r.get(0))
}

pub fn insert_template(
    conn: &Connection,
    t: &TemplateRecord,
    sort_seq: u32,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO ans_tmpl (tmpl_no, cnsl_typ_no, tmpl_nm, tmpl_cont, sort_seq, cnslr_no, use_cnt)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![t.no, t.type_no, t.name, t.content, sort_seq, t.owner, t.use_count],
    )?;
    Ok(())
}

pub fn update_template(conn: &Connection, t: &TemplateRecord, at: &str) -> rusqlite::Result<bool> {
    Ok(conn.execute(
        "UPDATE ans_tmpl SET tmpl_nm = ?2, tmpl_cont = ?3, cnsl_typ_no = ?4, mod_dtm = ?5
          WHERE tmpl_no = ?1",
        params![t.no, t.name, t.content, t.type_no, at],
    )? == 1)
}

pub fn delete_template(conn: &Connection, no: &str) -> rusqlite::Result<bool> {
    Ok(conn.execute("DELETE FROM ans_tmpl WHERE tmpl_no = ?1", [no])? == 1)
}

pub fn count_template_use(conn: &Connection, no: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE ans_tmpl SET use_cnt = use_cnt + 1 WHERE tmpl_no = ?1",
        [no],
    )?;
    Ok(())
}

//! Answer templates (`ans_tmpl`): shared ones (no owner) and counselors' own.

use tokio_postgres::{Error, Row};

use super::{tx::PgTx, uint};
use crate::store::records::TemplateRecord;

const COLUMNS: &str = "a.tmpl_no, a.tmpl_nm, a.tmpl_cont, a.cnsl_typ_no, a.cnslr_no, a.use_cnt";

fn template(r: &Row) -> TemplateRecord {
    TemplateRecord {
        no: r.get(0),
        name: r.get(1),
        content: r.get(2),
        type_no: r.get(3),
        owner: r.get(4),
        use_count: uint(r, 5),
    }
}

/// Templates offered for an inquiry of leaf type `leaf_no` to `cnslr_no`: the leaf's own, its
/// large type's, and the general ones, the most specific first; shared and their own.
pub fn answer_templates(
    tx: &mut PgTx,
    leaf_no: &str,
    cnslr_no: &str,
) -> Result<Vec<TemplateRecord>, Error> {
    Ok(tx
        .query(
            &format!(
                "SELECT {COLUMNS}
                   FROM ans_tmpl a
                  WHERE (a.cnslr_no IS NULL OR a.cnslr_no = $2)
                    AND (a.cnsl_typ_no IS NULL
                         OR a.cnsl_typ_no = $1
                         OR a.cnsl_typ_no = (SELECT upr_cnsl_typ_no FROM cnsl_typ WHERE cnsl_typ_no = $1))
                  ORDER BY CASE WHEN a.cnsl_typ_no = $1 THEN 0
                                WHEN a.cnsl_typ_no IS NULL THEN 2 ELSE 1 END, a.sort_seq, a.tmpl_nm"
            ),
            &[&leaf_no, &cnslr_no],
        )?
        .iter()
        .map(template)
        .collect())
}

pub fn templates_of(tx: &mut PgTx, cnslr_no: &str) -> Result<Vec<TemplateRecord>, Error> {
    Ok(tx
        .query(
            &format!(
                "SELECT {COLUMNS} FROM ans_tmpl a
                  WHERE a.cnslr_no IS NULL OR a.cnslr_no = $1
                  ORDER BY a.cnslr_no IS NOT NULL, a.tmpl_nm, a.tmpl_no"
            ),
            &[&cnslr_no],
        )?
        .iter()
        .map(template)
        .collect())
}

pub fn template_by_no(tx: &mut PgTx, no: &str) -> Result<Option<TemplateRecord>, Error> {
    Ok(tx
        .query_opt(
            &format!("SELECT {COLUMNS} FROM ans_tmpl a WHERE a.tmpl_no = $1"),
            &[&no],
        )?
        .map(|r| template(&r)))
}

pub fn template_name_taken(
    tx: &mut PgTx,
    owner: Option<&str>,
    name: &str,
    except_no: Option<&str>,
) -> Result<bool, Error> {
    Ok(tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM ans_tmpl
                             WHERE COALESCE(cnslr_no, '') = COALESCE($1::TEXT, '') AND tmpl_nm = $2
                               AND tmpl_no <> COALESCE($3::TEXT, ''))",
            &[&owner, &name, &except_no],
        )?
        .get(0))
}

pub fn insert_template(tx: &mut PgTx, t: &TemplateRecord, sort_seq: u32) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO ans_tmpl (tmpl_no, cnsl_typ_no, tmpl_nm, tmpl_cont, sort_seq, cnslr_no, use_cnt)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &t.no,
            &t.type_no,
            &t.name,
            &t.content,
            &i64::from(sort_seq),
            &t.owner,
            &i64::try_from(t.use_count).unwrap_or(i64::MAX),
        ],
    )?;
    Ok(())
}

pub fn update_template(tx: &mut PgTx, t: &TemplateRecord, at: &str) -> Result<bool, Error> {
    Ok(tx.execute(
        "UPDATE ans_tmpl SET tmpl_nm = $2, tmpl_cont = $3, cnsl_typ_no = $4, mod_dtm = $5
          WHERE tmpl_no = $1",
        &[&t.no, &t.name, &t.content, &t.type_no, &at],
    )? == 1)
}

pub fn delete_template(tx: &mut PgTx, no: &str) -> Result<bool, Error> {
    Ok(tx.execute("DELETE FROM ans_tmpl WHERE tmpl_no = $1", &[&no])? == 1)
}

pub fn count_template_use(tx: &mut PgTx, no: &str) -> Result<(), Error> {
    tx.execute(
        "UPDATE ans_tmpl SET use_cnt = use_cnt + 1 WHERE tmpl_no = $1",
        &[&no],
    )?;
    Ok(())
}

//! PostgreSQL schema migrations: the same tables as `sqlite/migrations.rs`, in PostgreSQL's
//! types (times stay stored-UTC text, as on SQLite). Every text column is `COLLATE "C"`: it
//! compares and orders by bytes as SQLite does (the same lists and sorts on both engines,
//! whatever the cluster's locale), and a byte comparison is what the indexes on times and
//! numbers want (a locale's `strcoll` costs a tenth of a list's database time). `schema_version` records how many have been applied; they run under an advisory
//! lock, so instances started together migrate once. A change goes into both engines.

pub const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE member (
    mbr_no      TEXT COLLATE "C" PRIMARY KEY,
    mbr_nm      TEXT COLLATE "C" NOT NULL,
    mbr_phone   TEXT COLLATE "C",
    mbr_email   TEXT COLLATE "C",
    lang_cd     TEXT COLLATE "C" NOT NULL DEFAULT 'ko'
);
CREATE TABLE counselor (
    cnslr_no    TEXT COLLATE "C" PRIMARY KEY,
    cnslr_nm    TEXT COLLATE "C" NOT NULL
);
-- Bearer tokens are stored as SHA-256 hex digests, never in clear.
CREATE TABLE access_token (
    token_hash  TEXT COLLATE "C" PRIMARY KEY,
    role        TEXT COLLATE "C" NOT NULL CHECK (role IN ('MEMBER', 'COUNSELOR')),
    subject_no  TEXT COLLATE "C" NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL
);
CREATE TABLE cnsl_typ (
    cnsl_typ_no       TEXT COLLATE "C" PRIMARY KEY,
    cnsl_typ_nm       TEXT COLLATE "C" NOT NULL,
    upr_cnsl_typ_no   TEXT COLLATE "C" REFERENCES cnsl_typ (cnsl_typ_no),
    sort_seq          BIGINT NOT NULL,
    goods_sel_mdty_yn TEXT COLLATE "C" NOT NULL DEFAULT 'N' CHECK (goods_sel_mdty_yn IN ('Y', 'N')),
    use_yn            TEXT COLLATE "C" NOT NULL DEFAULT 'Y' CHECK (use_yn IN ('Y', 'N'))
);
CREATE INDEX cnsl_typ_upr_idx ON cnsl_typ (upr_cnsl_typ_no);
CREATE TABLE vendor (
    vendor_id   TEXT COLLATE "C" PRIMARY KEY,
    vendor_nm   TEXT COLLATE "C" NOT NULL
);
CREATE TABLE vendor_key (
    access_key  TEXT COLLATE "C" PRIMARY KEY,
    vendor_id   TEXT COLLATE "C" NOT NULL REFERENCES vendor (vendor_id),
    secret_key  TEXT COLLATE "C" NOT NULL
);
CREATE TABLE goods (
    goods_no      TEXT COLLATE "C" PRIMARY KEY,
    goods_nm      TEXT COLLATE "C" NOT NULL,
    brand_nm      TEXT COLLATE "C" NOT NULL,
    category_nm   TEXT COLLATE "C" NOT NULL,
    sale_prc      BIGINT NOT NULL,
    img_file      TEXT COLLATE "C",
    vendor_id     TEXT COLLATE "C" REFERENCES vendor (vendor_id),
    sale_start_dt TEXT COLLATE "C",
    sale_end_dt   TEXT COLLATE "C"
);
CREATE INDEX goods_nm_idx ON goods (goods_nm, goods_no);
CREATE TABLE goods_itm (
    goods_no       TEXT COLLATE "C" NOT NULL REFERENCES goods (goods_no),
    itm_no         TEXT COLLATE "C" NOT NULL,
    itm_nm         TEXT COLLATE "C" NOT NULL,
    vendor_item_id BIGINT UNIQUE,
    PRIMARY KEY (goods_no, itm_no)
);
CREATE TABLE ord (
    ord_no      TEXT COLLATE "C" PRIMARY KEY,
    mbr_no      TEXT COLLATE "C" NOT NULL REFERENCES member (mbr_no),
    ord_dtm     TEXT COLLATE "C" NOT NULL
);
CREATE INDEX ord_mbr_idx ON ord (mbr_no, ord_dtm DESC);
CREATE TABLE ord_goods (
    ord_no      TEXT COLLATE "C" NOT NULL REFERENCES ord (ord_no),
    ord_seq     BIGINT NOT NULL,
    goods_no    TEXT COLLATE "C" NOT NULL REFERENCES goods (goods_no),
    itm_no      TEXT COLLATE "C" NOT NULL,
    ord_qty     BIGINT NOT NULL,
    ord_amt     BIGINT NOT NULL,
    PRIMARY KEY (ord_no, ord_seq)
);
CREATE SEQUENCE ccn_seq;
CREATE TABLE ccn (
    ccn_no        TEXT COLLATE "C" PRIMARY KEY,
    mbr_no        TEXT COLLATE "C" NOT NULL REFERENCES member (mbr_no),
    cnsl_typ_no   TEXT COLLATE "C" NOT NULL REFERENCES cnsl_typ (cnsl_typ_no),
    ccn_title     TEXT COLLATE "C" NOT NULL,
    accp_cont     TEXT COLLATE "C" NOT NULL,
    goods_no      TEXT COLLATE "C" REFERENCES goods (goods_no),
    itm_no        TEXT COLLATE "C",
    ord_no        TEXT COLLATE "C" REFERENCES ord (ord_no),
    sms_rcv_yn    TEXT COLLATE "C" NOT NULL CHECK (sms_rcv_yn IN ('Y', 'N')),
    email_rcv_yn  TEXT COLLATE "C" NOT NULL CHECK (email_rcv_yn IN ('Y', 'N')),
    ccn_stat_cd   TEXT COLLATE "C" NOT NULL CHECK (ccn_stat_cd IN ('10', '20', '30')),
    ref_ccn_no    TEXT COLLATE "C",
    accp_dtm      TEXT COLLATE "C" NOT NULL,
    mod_dtm       TEXT COLLATE "C",
    ans_dtm       TEXT COLLATE "C",
    cnslr_no      TEXT COLLATE "C" REFERENCES counselor (cnslr_no),
    ans_read_dtm  TEXT COLLATE "C"
);
-- One index per filter combination of the lists, each ending in the list order (see
-- postgres/lists.rs), as on SQLite.
CREATE INDEX ccn_mbr_idx ON ccn (mbr_no, accp_dtm, ccn_no);
CREATE INDEX ccn_mbr_stat_idx ON ccn (mbr_no, ccn_stat_cd, accp_dtm, ccn_no);
CREATE INDEX ccn_stat_idx ON ccn (ccn_stat_cd, accp_dtm, ccn_no);
CREATE INDEX ccn_ord_idx ON ccn (ord_no, accp_dtm, ccn_no);
CREATE INDEX ccn_accp_idx ON ccn (accp_dtm, ccn_no);
CREATE INDEX ccn_cnslr_idx ON ccn (cnslr_no, ccn_stat_cd, accp_dtm, ccn_no);
CREATE TABLE ccn_file (
    ccn_no        TEXT COLLATE "C" NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    file_seq      BIGINT NOT NULL,
    file_nm       TEXT COLLATE "C" NOT NULL,
    stored_nm     TEXT COLLATE "C" NOT NULL,
    content_type  TEXT COLLATE "C" NOT NULL,
    file_size     BIGINT NOT NULL,
    reg_dtm       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (ccn_no, file_seq)
);
CREATE TABLE ccn_reply (
    ccn_no        TEXT COLLATE "C" NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    cnsl_proc_seq BIGINT NOT NULL,
    ans_typ_cd    TEXT COLLATE "C" NOT NULL CHECK (ans_typ_cd IN ('COUNSELOR', 'SELLER')),
    ansr_nm       TEXT COLLATE "C" NOT NULL,
    ans_cont      TEXT COLLATE "C" NOT NULL,
    ans_dtm       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (ccn_no, cnsl_proc_seq)
);
CREATE TABLE idempotency (
    mbr_no      TEXT COLLATE "C" NOT NULL,
    idem_key    TEXT COLLATE "C" NOT NULL,
    req_hash    TEXT COLLATE "C" NOT NULL,
    ccn_no      TEXT COLLATE "C" NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (mbr_no, idem_key)
);
CREATE TABLE ans_tmpl (
    tmpl_no      TEXT COLLATE "C" PRIMARY KEY,
    cnsl_typ_no  TEXT COLLATE "C" REFERENCES cnsl_typ (cnsl_typ_no),
    tmpl_nm      TEXT COLLATE "C" NOT NULL,
    tmpl_cont    TEXT COLLATE "C" NOT NULL,
    sort_seq     BIGINT NOT NULL
);
-- One row per message to send; the recipient is stored masked (see SQLite's migration 3).
-- A sender claims a row with a lease (lease_owner, lease_until) before it sends.
CREATE TABLE ntf_outbox (
    ntf_no        BIGSERIAL PRIMARY KEY,
    ccn_no        TEXT COLLATE "C" NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    channel       TEXT COLLATE "C" NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    rcpt_masked   TEXT COLLATE "C" NOT NULL,
    lang_cd       TEXT COLLATE "C" NOT NULL,
    subject       TEXT COLLATE "C" NOT NULL,
    body          TEXT COLLATE "C" NOT NULL,
    status        TEXT COLLATE "C" NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts      BIGINT NOT NULL DEFAULT 0,
    next_try_dtm  TEXT COLLATE "C" NOT NULL,
    last_error    TEXT COLLATE "C",
    created_dtm   TEXT COLLATE "C" NOT NULL,
    sent_dtm      TEXT COLLATE "C",
    lease_owner   TEXT COLLATE "C",
    lease_until   TEXT COLLATE "C"
);
CREATE INDEX ntf_due_idx ON ntf_outbox (status, next_try_dtm);
CREATE INDEX ntf_ccn_idx ON ntf_outbox (ccn_no);
CREATE TABLE ccn_trns (
    ccn_no           TEXT COLLATE "C" PRIMARY KEY REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    vendor_id        TEXT COLLATE "C" NOT NULL REFERENCES vendor (vendor_id),
    need_answer      BOOLEAN NOT NULL,
    trns_note        TEXT COLLATE "C" NOT NULL,
    cnslr_no         TEXT COLLATE "C" NOT NULL REFERENCES counselor (cnslr_no),
    trns_dtm         TEXT COLLATE "C" NOT NULL,
    due_dtm          TEXT COLLATE "C" NOT NULL,
    trns_stat        TEXT COLLATE "C" NOT NULL CHECK (trns_stat IN ('requestAnswer', 'answered')),
    complete_reason  TEXT COLLATE "C" NOT NULL DEFAULT 'NONE'
        CHECK (complete_reason IN ('NONE', 'DISPUTE_PROCESS', 'DISPUTE_PROCESS_COMPLETE', 'CANCEL')),
    done_by          TEXT COLLATE "C",
    done_dtm         TEXT COLLATE "C"
);
CREATE INDEX ccn_trns_vendor_idx ON ccn_trns (vendor_id, trns_dtm, ccn_no);
CREATE TABLE rate_limit (
    bucket  TEXT COLLATE "C" PRIMARY KEY,
    tat_ms  BIGINT NOT NULL
);
"#,
    r#"
-- The store's feed (issue 20): sellers' keys are issued, rotated (the old key keeps signing
-- until expires_at) and revoked without touching the database by hand.
ALTER TABLE vendor_key ADD COLUMN created_at TEXT COLLATE "C";
ALTER TABLE vendor_key ADD COLUMN expires_at TEXT COLLATE "C";
ALTER TABLE vendor_key ADD COLUMN revoked_at TEXT COLLATE "C";
CREATE INDEX vendor_key_vendor_idx ON vendor_key (vendor_id);
"#,
    r#"
-- Records the law keeps (issue 21). A customer's 삭제 withdraws an inquiry (wdrw_dtm) instead
-- of deleting it; an edit keeps what was there before (ccn_ver: a JSON snapshot of the fields
-- and photos); a 회원 탈퇴 is recorded on the member (wdrl_dtm) whose name and contact are
-- hidden; a desk manager is a counselor with mgr_yn = 'Y'. acs_log is the access log: one row
-- per access to an inquiry's personal data or change to it, never updated (a trigger refuses),
-- deleted only by the retention purge. ccn_no and mbr_no are plain text there: the log outlives
-- the inquiry it names.
ALTER TABLE ccn ADD COLUMN wdrw_dtm TEXT COLLATE "C";
ALTER TABLE member ADD COLUMN wdrl_dtm TEXT COLLATE "C";
ALTER TABLE counselor ADD COLUMN mgr_yn TEXT COLLATE "C" NOT NULL DEFAULT 'N' CHECK (mgr_yn IN ('Y', 'N'));
CREATE TABLE ccn_ver (
    ccn_no      TEXT COLLATE "C" NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    ver_seq     BIGINT NOT NULL,
    snapshot    TEXT COLLATE "C" NOT NULL,
    rplc_dtm    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (ccn_no, ver_seq)
);
CREATE TABLE acs_log (
    log_no      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    log_dtm     TEXT COLLATE "C" NOT NULL,
    actor_role  TEXT COLLATE "C" NOT NULL CHECK (actor_role IN ('COUNSELOR', 'MANAGER', 'SELLER', 'MEMBER', 'SYSTEM')),
    actor_no    TEXT COLLATE "C" NOT NULL,
    actor_nm    TEXT COLLATE "C" NOT NULL,
    client_ip   TEXT COLLATE "C",
    action_cd   TEXT COLLATE "C" NOT NULL,
    ccn_no      TEXT COLLATE "C",
    mbr_no      TEXT COLLATE "C",
    detail      TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX acs_log_dtm_idx ON acs_log (log_dtm, log_no);
CREATE INDEX acs_log_actor_idx ON acs_log (actor_no, log_dtm);
CREATE INDEX acs_log_mbr_idx ON acs_log (mbr_no, log_dtm);
CREATE INDEX acs_log_ccn_idx ON acs_log (ccn_no, log_dtm);
CREATE FUNCTION acs_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'acs_log is append-only';
END;
$$;
CREATE TRIGGER acs_log_append_only BEFORE UPDATE ON acs_log
    FOR EACH ROW EXECUTE FUNCTION acs_log_refuse_update();
-- The lists show live inquiries only: their indexes become partial (same names, same columns).
DROP INDEX ccn_mbr_idx;
DROP INDEX ccn_mbr_stat_idx;
DROP INDEX ccn_stat_idx;
DROP INDEX ccn_ord_idx;
DROP INDEX ccn_accp_idx;
DROP INDEX ccn_cnslr_idx;
CREATE INDEX ccn_mbr_idx ON ccn (mbr_no, accp_dtm, ccn_no) WHERE wdrw_dtm IS NULL;
CREATE INDEX ccn_mbr_stat_idx ON ccn (mbr_no, ccn_stat_cd, accp_dtm, ccn_no) WHERE wdrw_dtm IS NULL;
CREATE INDEX ccn_stat_idx ON ccn (ccn_stat_cd, accp_dtm, ccn_no) WHERE wdrw_dtm IS NULL;
CREATE INDEX ccn_ord_idx ON ccn (ord_no, accp_dtm, ccn_no) WHERE wdrw_dtm IS NULL;
CREATE INDEX ccn_accp_idx ON ccn (accp_dtm, ccn_no) WHERE wdrw_dtm IS NULL;
CREATE INDEX ccn_cnslr_idx ON ccn (cnslr_no, ccn_stat_cd, accp_dtm, ccn_no) WHERE wdrw_dtm IS NULL;
CREATE INDEX ccn_wdrw_idx ON ccn (wdrw_dtm) WHERE wdrw_dtm IS NOT NULL;
-- The purge finds answered inquiries by when they were answered.
CREATE INDEX ccn_ans_idx ON ccn (ans_dtm) WHERE ccn_stat_cd = '30';
"#,
    // Counselors' internal memos on an inquiry (issue 23): the desk's alone.
    r#"
CREATE TABLE ccn_memo (
    ccn_no      TEXT COLLATE "C" NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    memo_seq    BIGINT NOT NULL,
    cnslr_no    TEXT COLLATE "C" NOT NULL,
    cnslr_nm    TEXT NOT NULL,
    memo_cont   TEXT NOT NULL,
    reg_dtm     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (ccn_no, memo_seq)
);
-- The customer's one rating of the answer (issue 23).
CREATE TABLE ccn_stsf (
    ccn_no      TEXT COLLATE "C" PRIMARY KEY REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    stsf_yn     TEXT NOT NULL CHECK (stsf_yn IN ('Y', 'N')),
    rsn_cd      TEXT,
    stsf_cmt    TEXT,
    reg_dtm     TEXT COLLATE "C" NOT NULL
);
"#,
    // Answer deadlines in business days (issue 23): a target per type, a due time per inquiry
    // (set on registration; older ones are backfilled at start), and the queue's order by it.
    r#"
ALTER TABLE cnsl_typ ADD COLUMN ans_tgt_bdays BIGINT NOT NULL DEFAULT 1;
ALTER TABLE ccn ADD COLUMN ans_due_dtm TEXT COLLATE "C";
CREATE INDEX ccn_stat_due_idx ON ccn (ccn_stat_cd, ans_due_dtm NULLS FIRST, ccn_no) WHERE wdrw_dtm IS NULL;
"#,
    // Templates counselors manage (issue 23): a counselor's own ones beside the shared ones
    // managers keep, one name per scope, and how often each was used.
    r#"
ALTER TABLE ans_tmpl ADD COLUMN cnslr_no TEXT COLLATE "C";
ALTER TABLE ans_tmpl ADD COLUMN use_cnt BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ans_tmpl ADD COLUMN mod_dtm TEXT COLLATE "C";
CREATE UNIQUE INDEX ans_tmpl_name_idx ON ans_tmpl (COALESCE(cnslr_no, ''), tmpl_nm);
"#,
    // KakaoTalk 알림톡 (issue 23): the template variables an answer notice is sent with, and
    // which route delivered it (알림톡, or SMS after 알림톡 failed).
    r#"
ALTER TABLE ntf_outbox ADD COLUMN tmpl_params TEXT;
ALTER TABLE ntf_outbox ADD COLUMN sent_via TEXT COLLATE "C";
"#,
];

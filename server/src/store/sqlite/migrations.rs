//! SQLite schema migrations; `PRAGMA user_version` records how many have been applied.
//! PostgreSQL has the same tables in `postgres/migrations.rs`: a change goes into both.

/// Ordered schema migrations; `PRAGMA user_version` records how many have been applied.
pub const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE member (
    mbr_no      TEXT PRIMARY KEY,
    mbr_nm      TEXT NOT NULL
);
CREATE TABLE counselor (
    cnslr_no    TEXT PRIMARY KEY,
    cnslr_nm    TEXT NOT NULL
);
-- Bearer tokens are stored as SHA-256 hex digests, never in clear.
CREATE TABLE access_token (
    token_hash  TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('MEMBER', 'COUNSELOR')),
    subject_no  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE cnsl_typ (
    cnsl_typ_no       TEXT PRIMARY KEY,
    cnsl_typ_nm       TEXT NOT NULL,
    upr_cnsl_typ_no   TEXT REFERENCES cnsl_typ (cnsl_typ_no),
    sort_seq          INTEGER NOT NULL,
    goods_sel_mdty_yn TEXT NOT NULL DEFAULT 'N' CHECK (goods_sel_mdty_yn IN ('Y', 'N')),
    use_yn            TEXT NOT NULL DEFAULT 'Y' CHECK (use_yn IN ('Y', 'N'))
);
CREATE TABLE goods (
    goods_no    TEXT PRIMARY KEY,
    goods_nm    TEXT NOT NULL,
    brand_nm    TEXT NOT NULL,
    category_nm TEXT NOT NULL,
    sale_prc    INTEGER NOT NULL,
    img_file    TEXT
);
CREATE INDEX goods_nm_idx ON goods (goods_nm);
CREATE TABLE goods_itm (
    goods_no    TEXT NOT NULL REFERENCES goods (goods_no),
    itm_no      TEXT NOT NULL,
    itm_nm      TEXT NOT NULL,
    PRIMARY KEY (goods_no, itm_no)
);
CREATE TABLE ord (
    ord_no      TEXT PRIMARY KEY,
    mbr_no      TEXT NOT NULL REFERENCES member (mbr_no),
    ord_dtm     TEXT NOT NULL
);
CREATE INDEX ord_mbr_idx ON ord (mbr_no, ord_dtm DESC);
CREATE TABLE ord_goods (
    ord_no      TEXT NOT NULL REFERENCES ord (ord_no),
    ord_seq     INTEGER NOT NULL,
    goods_no    TEXT NOT NULL REFERENCES goods (goods_no),
    itm_no      TEXT NOT NULL,
    ord_qty     INTEGER NOT NULL,
    ord_amt     INTEGER NOT NULL,
    PRIMARY KEY (ord_no, ord_seq)
);
CREATE TABLE ccn_seq (id INTEGER PRIMARY KEY AUTOINCREMENT);
CREATE TABLE ccn (
    ccn_no        TEXT PRIMARY KEY,
    mbr_no        TEXT NOT NULL REFERENCES member (mbr_no),
    cnsl_typ_no   TEXT NOT NULL REFERENCES cnsl_typ (cnsl_typ_no),
    ccn_title     TEXT NOT NULL,
    accp_cont     TEXT NOT NULL,
    goods_no      TEXT REFERENCES goods (goods_no),
    itm_no        TEXT,
    ord_no        TEXT REFERENCES ord (ord_no),
    sms_rcv_yn    TEXT NOT NULL CHECK (sms_rcv_yn IN ('Y', 'N')),
    email_rcv_yn  TEXT NOT NULL CHECK (email_rcv_yn IN ('Y', 'N')),
    ccn_stat_cd   TEXT NOT NULL CHECK (ccn_stat_cd IN ('10', '20', '30')),
    ref_ccn_no    TEXT,
    accp_dtm      TEXT NOT NULL,
    mod_dtm       TEXT,
    ans_dtm       TEXT
);
CREATE INDEX ccn_mbr_idx ON ccn (mbr_no, accp_dtm DESC);
CREATE INDEX ccn_stat_idx ON ccn (ccn_stat_cd, accp_dtm DESC);
CREATE TABLE ccn_file (
    ccn_no        TEXT NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    file_seq      INTEGER NOT NULL,
    file_nm       TEXT NOT NULL,
    stored_nm     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    file_size     INTEGER NOT NULL,
    reg_dtm       TEXT NOT NULL,
    PRIMARY KEY (ccn_no, file_seq)
);
CREATE TABLE ccn_reply (
    ccn_no        TEXT NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    cnsl_proc_seq INTEGER NOT NULL,
    ans_typ_cd    TEXT NOT NULL CHECK (ans_typ_cd IN ('COUNSELOR', 'SELLER')),
    ansr_nm       TEXT NOT NULL,
    ans_cont      TEXT NOT NULL,
    ans_dtm       TEXT NOT NULL,
    PRIMARY KEY (ccn_no, cnsl_proc_seq)
);
CREATE TABLE idempotency (
    mbr_no      TEXT NOT NULL,
    idem_key    TEXT NOT NULL,
    req_hash    TEXT NOT NULL,
    ccn_no      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (mbr_no, idem_key)
);
"#,
    r#"
-- One index per filter combination of the inquiry lists (see store::summary_from), each
-- ending in the list order (accp_dtm DESC, ccn_no DESC) so a page needs no sort.
DROP INDEX ccn_mbr_idx;
DROP INDEX ccn_stat_idx;
CREATE INDEX ccn_mbr_idx ON ccn (mbr_no, accp_dtm, ccn_no);
CREATE INDEX ccn_mbr_stat_idx ON ccn (mbr_no, ccn_stat_cd, accp_dtm, ccn_no);
CREATE INDEX ccn_stat_idx ON ccn (ccn_stat_cd, accp_dtm, ccn_no);
CREATE INDEX ccn_ord_idx ON ccn (ord_no, accp_dtm, ccn_no);
CREATE INDEX ccn_accp_idx ON ccn (accp_dtm, ccn_no);
"#,
    r#"
-- The counselor's side (issue 11): who holds an inquiry, when the customer read its answer,
-- members' contact details and language for answer notifications, answer templates, and the
-- notification outbox.
ALTER TABLE ccn ADD COLUMN cnslr_no TEXT REFERENCES counselor (cnslr_no);
ALTER TABLE ccn ADD COLUMN ans_read_dtm TEXT;
ALTER TABLE member ADD COLUMN mbr_phone TEXT;
ALTER TABLE member ADD COLUMN mbr_email TEXT;
ALTER TABLE member ADD COLUMN lang_cd TEXT NOT NULL DEFAULT 'ko';
CREATE INDEX ccn_cnslr_idx ON ccn (cnslr_no, ccn_stat_cd, accp_dtm, ccn_no);
CREATE TABLE ans_tmpl (
    tmpl_no      TEXT PRIMARY KEY,
    -- NULL: offered for every type; else a large type (and all its leaves) or a leaf.
    cnsl_typ_no  TEXT REFERENCES cnsl_typ (cnsl_typ_no),
    tmpl_nm      TEXT NOT NULL,
    tmpl_cont    TEXT NOT NULL,
    sort_seq     INTEGER NOT NULL
);
-- One row per message to send. The recipient is stored masked: the sender reads the member's
-- current address when it delivers, so the outbox never holds contact details in clear.
CREATE TABLE ntf_outbox (
    ntf_no        INTEGER PRIMARY KEY AUTOINCREMENT,
    ccn_no        TEXT NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    channel       TEXT NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    rcpt_masked   TEXT NOT NULL,
    lang_cd       TEXT NOT NULL,
    subject       TEXT NOT NULL,
    body          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_try_dtm  TEXT NOT NULL,
    last_error    TEXT,
    created_dtm   TEXT NOT NULL,
    sent_dtm      TEXT
);
CREATE INDEX ntf_due_idx ON ntf_outbox (status, next_try_dtm);
CREATE INDEX ntf_ccn_idx ON ntf_outbox (ccn_no);
"#,
    r#"
-- The seller's side (issue 12): sellers (vendors) own goods and call the Coupang-style
-- call-center inquiry API with an access key / secret key pair (HMAC, so the secret is kept
-- in clear: it must be known to verify a signature). A counselor transfers (이관) an inquiry
-- about a seller's goods to that seller, needing an answer or for confirmation only.
CREATE TABLE vendor (
    vendor_id   TEXT PRIMARY KEY,
    vendor_nm   TEXT NOT NULL
);
CREATE TABLE vendor_key (
    access_key  TEXT PRIMARY KEY,
    vendor_id   TEXT NOT NULL REFERENCES vendor (vendor_id),
    secret_key  TEXT NOT NULL
);
ALTER TABLE goods ADD COLUMN vendor_id TEXT REFERENCES vendor (vendor_id);
ALTER TABLE goods ADD COLUMN sale_start_dt TEXT;
ALTER TABLE goods ADD COLUMN sale_end_dt TEXT;
-- The option's number as a seller's systems know it (Coupang's numeric vendorItemId).
ALTER TABLE goods_itm ADD COLUMN vendor_item_id INTEGER;
CREATE UNIQUE INDEX goods_itm_vendor_item_idx ON goods_itm (vendor_item_id);
CREATE TABLE ccn_trns (
    ccn_no           TEXT PRIMARY KEY REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    vendor_id        TEXT NOT NULL REFERENCES vendor (vendor_id),
    need_answer      INTEGER NOT NULL CHECK (need_answer IN (0, 1)),
    trns_note        TEXT NOT NULL,
    cnslr_no         TEXT NOT NULL REFERENCES counselor (cnslr_no),
    trns_dtm         TEXT NOT NULL,
    due_dtm          TEXT NOT NULL,
    trns_stat        TEXT NOT NULL CHECK (trns_stat IN ('requestAnswer', 'answered')),
    complete_reason  TEXT NOT NULL DEFAULT 'NONE'
        CHECK (complete_reason IN ('NONE', 'DISPUTE_PROCESS', 'DISPUTE_PROCESS_COMPLETE', 'CANCEL')),
    -- The seller's WING id that replied or confirmed, and when.
    done_by          TEXT,
    done_dtm         TEXT
);
CREATE INDEX ccn_trns_vendor_idx ON ccn_trns (vendor_id, trns_dtm, ccn_no);
"#,
    r#"
-- Several instances (issue 19): a notification is claimed with a lease before it is sent, so
-- exactly one sender has it at a time and one whose instance died is sent after the lease;
-- rate limits shared by every instance (a generic cell rate per bucket: its theoretical
-- arrival time in ms).
ALTER TABLE ntf_outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE ntf_outbox ADD COLUMN lease_until TEXT;
CREATE TABLE rate_limit (
    bucket  TEXT PRIMARY KEY,
    tat_ms  INTEGER NOT NULL
);
"#,
    r#"
-- The store's feed (issue 20): sellers' keys are issued, rotated (the old key keeps signing
-- until expires_at) and revoked without touching the database by hand.
ALTER TABLE vendor_key ADD COLUMN created_at TEXT;
ALTER TABLE vendor_key ADD COLUMN expires_at TEXT;
ALTER TABLE vendor_key ADD COLUMN revoked_at TEXT;
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
ALTER TABLE ccn ADD COLUMN wdrw_dtm TEXT;
ALTER TABLE member ADD COLUMN wdrl_dtm TEXT;
ALTER TABLE counselor ADD COLUMN mgr_yn TEXT NOT NULL DEFAULT 'N' CHECK (mgr_yn IN ('Y', 'N'));
CREATE TABLE ccn_ver (
    ccn_no      TEXT NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    ver_seq     INTEGER NOT NULL,
    snapshot    TEXT NOT NULL,
    rplc_dtm    TEXT NOT NULL,
    PRIMARY KEY (ccn_no, ver_seq)
);
CREATE TABLE acs_log (
    log_no      INTEGER PRIMARY KEY AUTOINCREMENT,
    log_dtm     TEXT NOT NULL,
    actor_role  TEXT NOT NULL CHECK (actor_role IN ('COUNSELOR', 'MANAGER', 'SELLER', 'MEMBER', 'SYSTEM')),
    actor_no    TEXT NOT NULL,
    actor_nm    TEXT NOT NULL,
    client_ip   TEXT,
    action_cd   TEXT NOT NULL,
    ccn_no      TEXT,
    mbr_no      TEXT,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX acs_log_dtm_idx ON acs_log (log_dtm, log_no);
CREATE INDEX acs_log_actor_idx ON acs_log (actor_no, log_dtm);
CREATE INDEX acs_log_mbr_idx ON acs_log (mbr_no, log_dtm);
CREATE INDEX acs_log_ccn_idx ON acs_log (ccn_no, log_dtm);
CREATE TRIGGER acs_log_append_only BEFORE UPDATE ON acs_log
BEGIN
    SELECT RAISE(ABORT, 'acs_log is append-only');
END;
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
    ccn_no      TEXT NOT NULL REFERENCES ccn (ccn_no),
    memo_seq    INTEGER NOT NULL,
    cnslr_no    TEXT NOT NULL,
    cnslr_nm    TEXT NOT NULL,
    memo_cont   TEXT NOT NULL,
    reg_dtm     TEXT NOT NULL,
    PRIMARY KEY (ccn_no, memo_seq)
);
-- The customer's one rating of the answer (issue 23).
CREATE TABLE ccn_stsf (
    ccn_no      TEXT PRIMARY KEY REFERENCES ccn (ccn_no),
    stsf_yn     TEXT NOT NULL CHECK (stsf_yn IN ('Y', 'N')),
    rsn_cd      TEXT,
    stsf_cmt    TEXT,
    reg_dtm     TEXT NOT NULL
);
"#,
    // Answer deadlines in business days (issue 23): a target per type, a due time per inquiry
    // (set on registration; older ones are backfilled at start), and the queue's order by it.
    r#"
ALTER TABLE cnsl_typ ADD COLUMN ans_tgt_bdays INTEGER NOT NULL DEFAULT 1;
ALTER TABLE ccn ADD COLUMN ans_due_dtm TEXT;
CREATE INDEX ccn_stat_due_idx ON ccn (ccn_stat_cd, ans_due_dtm, ccn_no) WHERE wdrw_dtm IS NULL;
"#,
    // Templates counselors manage (issue 23): a counselor's own ones beside the shared ones
    // managers keep, one name per scope, and how often each was used.
    r#"
ALTER TABLE ans_tmpl ADD COLUMN cnslr_no TEXT;
ALTER TABLE ans_tmpl ADD COLUMN use_cnt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ans_tmpl ADD COLUMN mod_dtm TEXT;
CREATE UNIQUE INDEX ans_tmpl_name_idx ON ans_tmpl (COALESCE(cnslr_no, ''), tmpl_nm);
"#,
    // KakaoTalk 알림톡 (issue 23): the template variables an answer notice is sent with, and
    // which route delivered it (알림톡, or SMS after 알림톡 failed).
    r#"
ALTER TABLE ntf_outbox ADD COLUMN tmpl_params TEXT;
ALTER TABLE ntf_outbox ADD COLUMN sent_via TEXT;
"#,
];

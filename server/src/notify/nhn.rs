//! The SMS channel through NHN Cloud Notification: KakaoTalk 알림톡 first (KakaoTalk Bizmessage
//! API v2.3, `POST /alimtalk/v2.3/appkeys/{appkey}/messages`), and when that send fails, SMS
//! (SMS API v3.0, `POST /sms/v3.0/appKeys/{appKey}/sender/sms`, or `…/sender/mms` for a long
//! text). Both are off by default.
//!
//! Why NHN Cloud: Kakao sells 알림톡 only through licensed relays (딜러사); NHN Cloud is one with
//! a public, versioned JSON API for both 알림톡 and SMS under the same app-key and secret-key
//! scheme, published result codes, and a 알림톡 template model (a registered template code and
//! `#{변수}` values) that keeps the approved wording with Kakao. A store on another relay writes
//! one more [`Sender`].
//!
//! 알림톡 follows the member's SMS consent (the form says so): it is a notice on the SMS row.

use std::{sync::Arc, time::Duration};

use serde::Deserialize;
use serde_json::json;

use super::{Delivered, Outgoing, SendFuture, Sender, Senders};
use crate::config::Secret;

/// `--alimtalk-*` and `--sms-*`: NHN Cloud's keys. Any one of a group turns that group on, and
/// then all of the group are required.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct NhnArgs {
    /// NHN Cloud KakaoTalk Bizmessage app key: answer notices to members who consented to SMS
    /// go by 알림톡, with SMS (`--sms-*`, else the log) when 알림톡 fails.
    #[arg(long, env = "INQUIRY_ALIMTALK_APPKEY")]
    pub alimtalk_appkey: Option<String>,
    /// Its secret key (X-Secret-Key).
    #[arg(long, env = "INQUIRY_ALIMTALK_SECRET_KEY", hide_env_values = true)]
    pub alimtalk_secret_key: Option<Secret>,
    /// The KakaoTalk channel's sender key (발신 키, 40 characters).
    #[arg(long, env = "INQUIRY_ALIMTALK_SENDER_KEY")]
    pub alimtalk_sender_key: Option<String>,
    /// The approved answer-notice template's code (docs/integration.md has its text).
    #[arg(
        long,
        env = "INQUIRY_ALIMTALK_TEMPLATE",
        default_value = "INQUIRY_ANSWER"
    )]
    pub alimtalk_template: String,
    /// The 알림톡 API's origin.
    #[arg(
        long,
        env = "INQUIRY_ALIMTALK_URL",
        default_value = "https://api-alimtalk.cloud.toast.com"
    )]
    pub alimtalk_url: String,
    /// NHN Cloud SMS app key: answer notices by SMS (LMS when longer than 90 bytes).
    #[arg(long, env = "INQUIRY_SMS_APPKEY")]
    pub sms_appkey: Option<String>,
    /// Its secret key (X-Secret-Key).
    #[arg(long, env = "INQUIRY_SMS_SECRET_KEY", hide_env_values = true)]
    pub sms_secret_key: Option<Secret>,
    /// The registered sender number (발신 번호, 사전 등록제).
    #[arg(long, env = "INQUIRY_SMS_SEND_NO")]
    pub sms_send_no: Option<String>,
    /// The SMS API's origin.
    #[arg(
        long,
        env = "INQUIRY_SMS_URL",
        default_value = "https://api-sms.cloud.toast.com"
    )]
    pub sms_url: String,
}

impl NhnArgs {
    /// Puts the configured senders on the SMS channel: NHN SMS replaces the log sender, and
    /// 알림톡 goes in front of whichever SMS sender there is. Nothing changes without flags.
    pub fn install(&self, senders: &mut Senders) -> Result<(), String> {
        let client = || {
            let _ = rustls::crypto::ring::default_provider().install_default();
            reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()
                .map_err(|e| format!("NHN Cloud client: {e}"))
        };
        if let Some(appkey) = &self.sms_appkey {
            let (Some(secret), Some(send_no)) = (&self.sms_secret_key, &self.sms_send_no) else {
                return Err("--sms-appkey needs --sms-secret-key and --sms-send-no".into());
            };
            senders.sms = Arc::new(NhnSms {
                client: client()?,
                base: format!(
                    "{}/sms/v3.0/appKeys/{appkey}",
                    self.sms_url.trim_end_matches('/')
                ),
                origin: self.sms_url.clone(),
                secret: secret.clone(),
                send_no: send_no.clone(),
            });
        }
        if let Some(appkey) = &self.alimtalk_appkey {
            let (Some(secret), Some(sender_key)) =
                (&self.alimtalk_secret_key, &self.alimtalk_sender_key)
            else {
                return Err(
                    "--alimtalk-appkey needs --alimtalk-secret-key and --alimtalk-sender-key"
                        .into(),
                );
            };
            senders.sms = Arc::new(KakaoFirst {
                alimtalk: Alimtalk {
                    client: client()?,
                    url: format!(
                        "{}/alimtalk/v2.3/appkeys/{appkey}/messages",
                        self.alimtalk_url.trim_end_matches('/')
                    ),
                    origin: self.alimtalk_url.clone(),
                    secret: secret.clone(),
                    sender_key: sender_key.clone(),
                    template: self.alimtalk_template.clone(),
                },
                fallback: senders.sms.clone(),
            });
        }
        Ok(())
    }
}

/// NHN Cloud's reply: `header` always; the 알림톡 API puts per-recipient results in
/// `message.sendResults`, the SMS API in `body.data.sendResultList`.
#[derive(Deserialize)]
struct Reply {
    header: Header,
    message: Option<AlimtalkMessage>,
    body: Option<SmsBody>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    result_code: i64,
    result_message: String,
    is_successful: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AlimtalkMessage {
    #[serde(default)]
    send_results: Vec<RecipientResult>,
}

#[derive(Deserialize)]
struct SmsBody {
    data: Option<SmsData>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SmsData {
    #[serde(default)]
    send_result_list: Vec<RecipientResult>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RecipientResult {
    result_code: i64,
    result_message: String,
}

/// Posts `body` with the secret key and reads NHN Cloud's verdict: the header's, then the one
/// recipient's. An error names the result code and message (never the number or the key).
async fn post(
    client: &reqwest::Client,
    url: &str,
    secret: &Secret,
    body: serde_json::Value,
) -> Result<(), String> {
    let response = client
        .post(url)
        .header("X-Secret-Key", secret.expose())
        .header("Content-Type", "application/json;charset=UTF-8")
        .json(&body)
        .send()
        .await
        .map_err(|e| format!("request failed: {}", e.without_url()))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| format!("HTTP {status}: {}", e.without_url()))?;
    let reply: Reply = serde_json::from_str(&text).map_err(|_| format!("HTTP {status}"))?;
    let h = reply.header;
    if !h.is_successful || h.result_code != 0 {
        return Err(format!("{} {}", h.result_code, h.result_message));
    }
    let results = match (reply.message, reply.body.and_then(|b| b.data)) {
        (Some(m), _) => m.send_results,
        (None, Some(d)) => d.send_result_list,
        (None, None) => Vec::new(),
    };
    match results.first() {
        Some(r) if r.result_code != 0 => Err(format!("{} {}", r.result_code, r.result_message)),
        Some(_) => Ok(()),
        None => Err(format!("HTTP {status}: no result for the recipient")),
    }
}

/// A phone number as NHN Cloud takes it: digits only.
fn digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// 알림톡 through NHN Cloud (치환 발송: the template code and its variables).
pub struct Alimtalk {
    client: reqwest::Client,
    url: String,
    origin: String,
    secret: Secret,
    sender_key: String,
    template: String,
}

impl Alimtalk {
    async fn send(&self, m: &Outgoing) -> Result<(), String> {
        if m.params.is_empty() {
            return Err("no template variables on this notification".into());
        }
        let body = json!({
            "senderKey": self.sender_key,
            "templateCode": self.template,
            "recipientList": [{
                "recipientNo": digits(&m.to),
                "templateParameter": m.params,
                "recipientGroupingKey": format!("ntf-{}", m.ntf_no),
            }],
        });
        post(&self.client, &self.url, &self.secret, body).await
    }
}

/// SMS through NHN Cloud: SMS up to 90 bytes (EUC-KR: a Hangul syllable is two), LMS beyond,
/// titled with the notice's subject cut to 40 bytes.
pub struct NhnSms {
    client: reqwest::Client,
    base: String,
    origin: String,
    secret: Secret,
    send_no: String,
}

/// Bytes as the carriers count them (EUC-KR: ASCII one, everything else two).
fn euc_kr_len(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn cut_bytes(s: &str, max: usize) -> String {
    let mut used = 0;
    s.chars()
        .take_while(|c| {
            used += if c.is_ascii() { 1 } else { 2 };
            used <= max
        })
        .collect()
}

impl Sender for NhnSms {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let recipient = json!([{
                "recipientNo": digits(&m.to),
                "recipientGroupingKey": format!("ntf-{}", m.ntf_no),
            }]);
            let (url, body, route) = if euc_kr_len(&m.body) <= 90 {
                let body =
                    json!({"body": m.body, "sendNo": self.send_no, "recipientList": recipient});
                (format!("{}/sender/sms", self.base), body, "SMS")
            } else {
                let body = json!({
                    "title": cut_bytes(&m.subject, 40),
                    "body": m.body,
                    "sendNo": self.send_no,
                    "recipientList": recipient,
                });
                (format!("{}/sender/mms", self.base), body, "LMS")
            };
            post(&self.client, &url, &self.secret, body)
                .await
                .map(|()| Delivered::via(route))
                .map_err(|e| format!("{route}: {e}"))
        })
    }

    fn describe(&self) -> String {
        format!("NHN Cloud SMS {} (from {})", self.origin, self.send_no)
    }
}

/// 알림톡 first; when it fails, the SMS sender. The row is sent if either is; a failure of
/// both is retried (알림톡 first again).
pub struct KakaoFirst {
    alimtalk: Alimtalk,
    fallback: Arc<dyn Sender>,
}

impl Sender for KakaoFirst {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let kakao = match self.alimtalk.send(m).await {
                Ok(()) => return Ok(Delivered::via("ALIMTALK")),
                Err(e) => e,
            };
            tracing::info!(ntf_no = m.ntf_no, error = %kakao, "알림톡 not sent; falling back to SMS");
            match self.fallback.send(m).await {
                Ok(d) => Ok(Delivered::via(format!("{} (알림톡 실패: {kakao})", d.via))),
                Err(sms) => Err(format!("알림톡: {kakao}; {sms}")),
            }
        })
    }

    fn describe(&self) -> String {
        format!(
            "NHN Cloud 알림톡 {} (template {}), then {}",
            self.alimtalk.origin,
            self.alimtalk.template,
            self.fallback.describe()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_count_as_carriers_count_them() {
        assert_eq!(euc_kr_len("abc"), 3);
        assert_eq!(euc_kr_len("답변 등록"), 9);
        assert_eq!(
            cut_bytes("[1:1 문의] 답변이 등록되었습니다", 12),
            "[1:1 문의] "
        );
        assert_eq!(cut_bytes("가나다", 5), "가나", "never half a character");
        assert_eq!(digits("010-1234-5678"), "01012345678");
    }

    #[test]
    fn a_partial_configuration_is_refused_by_name() {
        let mut senders = Senders::default();
        let args = NhnArgs {
            alimtalk_appkey: Some("app".into()),
            alimtalk_secret_key: Some(Secret::new("s")),
            ..NhnArgs::default()
        };
        let err = args.install(&mut senders).unwrap_err();
        assert!(err.contains("--alimtalk-sender-key"), "{err}");
        let args = NhnArgs {
            sms_appkey: Some("app".into()),
            ..NhnArgs::default()
        };
        assert!(args
            .install(&mut senders)
            .unwrap_err()
            .contains("--sms-send-no"));
        NhnArgs::default().install(&mut senders).unwrap();
        assert_eq!(senders.sms.describe(), "log", "off by default");
    }
}

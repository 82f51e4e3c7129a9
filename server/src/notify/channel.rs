//! How a notification leaves the server: one [`Sender`] per channel. The log sender is the
//! default for both; e-mail goes through SMTP (lettre) when `--smtp-url` is given; the SMS
//! channel goes through NHN Cloud (KakaoTalk 알림톡 first, SMS as its fallback) when its flags
//! are given (see [`super::nhn`]).

use std::{collections::BTreeMap, fmt, future::Future, pin::Pin, sync::Arc};

use lettre::{
    message::{header::ContentType, Mailbox},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};

/// A notification channel the customer can consent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 2] = [Channel::Sms, Channel::Email];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Sms => "SMS",
            Channel::Email => "EMAIL",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The address as a counselor or a log may see it: a phone number keeps its first three
    /// and last four digits, an e-mail the first two characters of its local part.
    pub fn mask(self, address: &str) -> String {
        match self {
            Channel::Sms => {
                let digits = address.chars().filter(char::is_ascii_digit).count();
                let mut seen = 0;
                address
                    .chars()
                    .map(|c| {
                        if !c.is_ascii_digit() {
                            return c;
                        }
                        seen += 1;
                        if seen <= 3 || seen > digits.saturating_sub(4) {
                            c
                        } else {
                            '*'
                        }
                    })
                    .collect()
            }
            Channel::Email => match address.split_once('@') {
                Some((local, domain)) => {
                    let n = local.chars().count();
                    let keep = if n > 2 { 2 } else { 0 };
                    let shown: String = local.chars().take(keep).collect();
                    format!("{shown}{}@{domain}", "*".repeat(n - keep))
                }
                None => "*".repeat(address.chars().count()),
            },
        }
    }
}

/// One message to deliver: the address in clear (read from the member's record just now).
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub ntf_no: i64,
    pub channel: Channel,
    pub to: String,
    pub rcpt_masked: String,
    pub subject: String,
    pub body: String,
    /// The 알림톡 template's variables (empty when the row was written without them).
    pub params: BTreeMap<String, String>,
}

/// How a message went out: the route (`LOG`, `SMTP`, `ALIMTALK`, `SMS`), and for a fallback
/// why the first route failed. Shown to counselors beside the notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    pub via: String,
}

impl Delivered {
    pub fn via(route: impl Into<String>) -> Self {
        Self { via: route.into() }
    }
}

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<Delivered, String>> + Send + 'a>>;

/// Delivers a message or says why it could not; the worker retries on `Err`.
pub trait Sender: Send + Sync + 'static {
    fn send<'a>(&'a self, message: &'a Outgoing) -> SendFuture<'a>;
    /// For logs and `cargo xtask serve`'s banner.
    fn describe(&self) -> String;
}

/// Writes the message to the server's log (recipient masked): the default of both channels.
#[derive(Debug, Default)]
pub struct LogSender;

impl Sender for LogSender {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            tracing::info!(
                ntf_no = m.ntf_no,
                channel = m.channel.code(),
                to = %m.rcpt_masked,
                subject = %m.subject,
                "notification (log sender)"
            );
            Ok(Delivered::via("LOG"))
        })
    }

    fn describe(&self) -> String {
        "log".to_owned()
    }
}

/// E-mail through an SMTP server.
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    url: String,
}

impl SmtpSender {
    /// `url` as lettre reads it: `smtp://host:25` (plain), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host:465`; `from` a mailbox (`하루마켓 <cs@example.com>`).
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("--smtp-url: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("--mail-from {from:?}: {e}"))?;
        // Never print a password.
        let url = match url.split_once('@') {
            Some((scheme_user, host)) => {
                let scheme = scheme_user.split("://").next().unwrap_or("smtp");
                format!("{scheme}://…@{host}")
            }
            None => url.to_owned(),
        };
        Ok(Self {
            transport,
            from,
            url,
        })
    }
}

impl Sender for SmtpSender {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let to =
                m.to.parse::<Mailbox>()
                    .map_err(|e| format!("invalid address: {e}"))?;
            let email = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(m.subject.clone())
                .header(ContentType::TEXT_PLAIN)
                .body(m.body.clone())
                .map_err(|e| e.to_string())?;
            self.transport
                .send(email)
                .await
                .map(|_| Delivered::via("SMTP"))
                .map_err(|e| format!("smtp: {e}"))
        })
    }

    fn describe(&self) -> String {
        format!("smtp {}", self.url)
    }
}

/// The sender of each channel.
#[derive(Clone)]
pub struct Senders {
    pub sms: Arc<dyn Sender>,
    pub email: Arc<dyn Sender>,
}

impl Senders {
    pub fn of(&self, channel: Channel) -> &Arc<dyn Sender> {
        match channel {
            Channel::Sms => &self.sms,
            Channel::Email => &self.email,
        }
    }
}

impl Default for Senders {
    fn default() -> Self {
        Self {
            sms: Arc::new(LogSender),
            email: Arc::new(LogSender),
        }
    }
}

impl fmt::Debug for Senders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Senders")
            .field("sms", &self.sms.describe())
            .field("email", &self.email.describe())
            .finish()
    }
}

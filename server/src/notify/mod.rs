//! Answer notifications. When an inquiry is answered, [`enqueue_answer`] writes one outbox row per
//! channel the customer consented to, in the answer's own transaction: the answer and the
//! intent to notify commit together or not at all. A [`worker`] delivers the rows through the
//! configured [`channel`]s afterwards; a failed send is retried with backoff and never touches
//! the answer.

pub mod channel;
mod message;
pub mod nhn;
pub mod worker;

pub use channel::{
    Channel, Delivered, LogSender, Outgoing, SendFuture, Sender, Senders, SmtpSender,
};
pub use worker::{Notifier, RetryPolicy};

use crate::store::{NewNotification, StoreResult, Tx};

/// Queues the answer notifications of `ccn_no` for each channel its member consented to.
/// A consented channel without a contact on file is recorded as failed at once (the console
/// shows it), rather than silently dropped. Returns how many rows were written.
pub fn enqueue_answer(tx: &mut dyn Tx, ccn_no: &str, now: &str) -> StoreResult<usize> {
    let Some(target) = tx.notification_target(ccn_no)? else {
        return Ok(0);
    };
    let mut written = 0;
    for channel in Channel::ALL {
        if !target.consents(channel) {
            continue;
        }
        let lang = message::Lang::parse(&target.lang);
        let text = message::answer(lang, channel, &target);
        // 알림톡 rides on the SMS consent: its template's variables go with the SMS row.
        let params = (channel == Channel::Sms)
            .then(|| serde_json::to_string(&message::alimtalk_params(&target)).ok())
            .flatten();
        let (rcpt_masked, missing) = match target.contact(channel) {
            Some(address) => (channel.mask(address), None),
            None => ("-".to_owned(), Some(message::no_contact(channel))),
        };
        tx.insert_notification(&NewNotification {
            ccn_no,
            channel: channel.code(),
            rcpt_masked: &rcpt_masked,
            lang: lang.tag(),
            subject: &text.subject,
            body: &text.body,
            params: params.as_deref(),
            now,
            failed: missing,
        })?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::Channel;

    #[test]
    fn recipients_are_masked() {
        assert_eq!(Channel::Sms.mask("010-1234-5678"), "010-****-5678");
        assert_eq!(Channel::Sms.mask("01012345678"), "010****5678");
        assert_eq!(
            Channel::Email.mask("haneul.kim@example.com"),
            "ha********@example.com"
        );
        assert_eq!(Channel::Email.mask("a@b.kr"), "*@b.kr");
    }
}

//! The customer's rating of an answer: 만족 or 불만족, a reason when 불만족, and an optional
//! comment (the server checks all of it again).

/// Why an answer did not help (the API's codes for them are `api`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Unresolved,
    Unclear,
    Slow,
    Unkind,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 5] = [
        Reason::Unresolved,
        Reason::Unclear,
        Reason::Slow,
        Reason::Unkind,
        Reason::Other,
    ];
}

/// Longest comment, in characters (as the server counts them).
pub const COMMENT_MAX_CHARS: usize = 500;

/// A rating ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub satisfied: bool,
    pub reason: Option<Reason>,
    /// Trimmed; empty when the customer added nothing.
    pub comment: String,
}

/// What is missing from a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingProblem {
    /// Neither 만족 nor 불만족 chosen.
    NoChoice,
    /// 불만족 without a reason.
    NoReason,
}

/// The rating the form's choices make, or what is missing. A reason chosen before switching
/// to 만족 is dropped, not sent.
pub fn rating(
    satisfied: Option<bool>,
    reason: Option<Reason>,
    comment: &str,
) -> Result<Rating, RatingProblem> {
    let satisfied = satisfied.ok_or(RatingProblem::NoChoice)?;
    let reason = if satisfied {
        None
    } else {
        Some(reason.ok_or(RatingProblem::NoReason)?)
    };
    Ok(Rating {
        satisfied,
        reason,
        comment: comment.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsatisfied_needs_a_reason_and_satisfied_sends_none() {
        assert_eq!(rating(None, None, ""), Err(RatingProblem::NoChoice));
        assert_eq!(rating(Some(false), None, "x"), Err(RatingProblem::NoReason));
        let r = rating(Some(false), Some(Reason::Slow), "  늦었어요 \n").unwrap();
        assert_eq!(
            (r.reason, r.comment.as_str()),
            (Some(Reason::Slow), "늦었어요")
        );
        let r = rating(Some(true), Some(Reason::Slow), "").unwrap();
        assert_eq!((r.satisfied, r.reason), (true, None));
    }
}

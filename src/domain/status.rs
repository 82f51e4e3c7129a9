//! An inquiry's status and what it allows the customer to do.

/// Status of an inquiry, from the customer's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// 접수완료: received, nobody has looked at it yet. The customer may still edit or delete it.
    Received,
    /// 처리중: a counselor is working on it.
    InProgress,
    /// 답변완료: answered.
    Answered,
}

/// Whose move it is — what a status badge tells the customer at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Waiting for the store (received or in progress).
    Store,
    /// The answer is there for the customer to read.
    Customer,
}

/// Something the customer may want to do with an inquiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Edit,
    Delete,
}

/// Why an action is not available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    /// A counselor has started working on it.
    InProgress,
    /// It has been answered.
    Answered,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Received, Status::InProgress, Status::Answered];

    pub fn turn(self) -> Turn {
        match self {
            Status::Received | Status::InProgress => Turn::Store,
            Status::Answered => Turn::Customer,
        }
    }

    /// The product's central rule: edit and delete only while received.
    pub fn allows(self, _action: Action) -> Result<(), LockReason> {
        match self {
            Status::Received => Ok(()),
            Status::InProgress => Err(LockReason::InProgress),
            Status::Answered => Err(LockReason::Answered),
        }
    }

    /// Stable key used in the SPA's own URLs (`?status=answered`).
    pub fn key(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::InProgress => "in-progress",
            Status::Answered => "answered",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_received_inquiries_can_be_edited_or_deleted() {
        for action in [Action::Edit, Action::Delete] {
            assert_eq!(Status::Received.allows(action), Ok(()));
            assert_eq!(
                Status::InProgress.allows(action),
                Err(LockReason::InProgress)
            );
            assert_eq!(Status::Answered.allows(action), Err(LockReason::Answered));
        }
    }

    #[test]
    fn badge_turns() {
        assert_eq!(Status::Received.turn(), Turn::Store);
        assert_eq!(Status::InProgress.turn(), Turn::Store);
        assert_eq!(Status::Answered.turn(), Turn::Customer);
    }

    #[test]
    fn url_keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
        assert_eq!(Status::from_key("10"), None);
    }
}

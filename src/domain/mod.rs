//! Pure rules of the product, with no browser or network in sight (tested natively).

pub mod filter;
pub mod form;
pub mod period;
pub mod rating;
pub mod status;

pub use filter::ListFilter;
pub use period::{Period, PeriodError, Preset};
pub use status::{Action, LockReason, Status, Turn};

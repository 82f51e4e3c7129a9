//! Reusable views. No fetching here: pages hand in data and callbacks.

mod dialog;
mod feedback;
mod filters;
mod goods_picker;
mod inquiry;
mod photos;

pub use dialog::{ConfirmDialog, Lightbox, Modal};
pub use feedback::{EmptyState, ErrorPanel, Flash, SkeletonRows};
pub use filters::{FilterBar, Pager};
pub use goods_picker::{GoodsPicker, PickerItem, PickerState, PickerTab};
pub use inquiry::{GoodsCard, PhotoThumb, ReplyThread, StatusBadge};
pub use photos::{PhotoField, PhotoTile};

use chrono::{DateTime, FixedOffset, Local};

/// A timestamp in the customer's own time zone, `yyyy.MM.dd HH:mm`.
pub fn datetime(t: &DateTime<FixedOffset>) -> String {
    t.with_timezone(&Local).format("%Y.%m.%d %H:%M").to_string()
}

/// A date in the customer's own time zone, `yyyy.MM.dd`.
pub fn date(t: &DateTime<FixedOffset>) -> String {
    t.with_timezone(&Local).format("%Y.%m.%d").to_string()
}

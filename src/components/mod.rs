//! Reusable views. No fetching here: pages hand in data and callbacks.

mod dialog;
mod feedback;
mod filters;
mod goods_picker;
mod inquiry;
mod photos;
mod rating;

pub use dialog::{ConfirmDialog, Lightbox, Modal};
pub use feedback::{EmptyState, ErrorPanel, Flash, SkeletonRows};
pub use filters::{FilterBar, Pager};
pub use goods_picker::{GoodsPicker, PickerItem, PickerState, PickerTab};
pub use inquiry::{GoodsCard, PhotoThumb, ReplyThread, StatusBadge};
pub use photos::{PhotoField, PhotoTile};
pub use rating::{RatingForm, RatingGiven};

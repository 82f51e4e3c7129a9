//! The inquiry API's wire format and calls. Nothing outside this module knows a field name,
//! the envelope, a status code or a URL path of the API.

mod auth;
mod client;
mod dto;
mod envelope;
mod error;
mod list_wire;
mod prefetch;
mod upload;

pub use auth::{AuthWatch, Credentials};
pub use client::{revoke_object_url, Client, ListQuery, Revision};
pub use dto::{
    Goods, Inquiry, InquiryInit, InquiryPage, InquirySummary, InquiryType, Limits, Photo, Reply,
    ReplyAuthor, Satisfaction, TypeGroup,
};
pub use error::{ApiError, ErrorField, FieldError};
pub use upload::{KeepPhotos, Upload};

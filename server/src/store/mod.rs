//! SQL for inquiries, types, goods and orders. Functions take a connection (or transaction) so
//! callers decide transaction boundaries; reads return the model's records (`records.rs`),
//! never wire DTOs: nothing here knows about HTTP or the API's field names.

mod access;
mod catalog;
mod inquiries;
mod lists;
mod outbox;
pub mod records;
mod templates;
mod transfers;
mod writes;

pub use access::*;
pub use catalog::*;
pub use inquiries::*;
pub use lists::*;
pub use outbox::*;
pub use templates::*;
pub use transfers::*;
pub use writes::*;

fn like_pattern(keyword: &str) -> String {
    let escaped = keyword
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

fn yn(b: bool) -> &'static str {
    if b {
        "Y"
    } else {
        "N"
    }
}

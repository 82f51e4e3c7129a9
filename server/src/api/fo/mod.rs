//! Storefront (FO) operations under `/api/order/v1/`: what a logged-in member may do.
//!
//! One file per group of endpoints; handlers only extract and respond. Registering, changing
//! and deleting an inquiry are operations in `crate::questions`.

mod detail;
pub(crate) mod goods;
mod list;
mod satisfaction;
mod write;

pub use detail::{get_question_dtl, get_question_file, question_ans_read, FileQuery};
pub use goods::{get_goods_list, get_order_claim_goods_list, PageQuery};
pub use list::{get_question, get_question_init};
pub use satisfaction::question_satisfaction;
pub use write::{question_del, question_mod, question_save};

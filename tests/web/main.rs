//! Browser tests: the real app in headless Chromium (wasm-bindgen-test) against the reference
//! server that `cargo xtask test` starts with a freshly seeded database.
//!
//! The server's address comes from `INQUIRY_DESK_TEST_API` at compile time (set by xtask).

#![cfg(target_arch = "wasm32")]

use chrono::{Days, Months};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../common/mod.rs"]
mod common;
mod detail;
mod list;

use common::*;

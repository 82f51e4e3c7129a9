//! End-to-end tests live in `tests/`; they need `dist/` (built by `cargo xtask build`).

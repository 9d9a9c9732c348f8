//! The citizen charter website of a Bangladesh government office.
//!
//! Data flows one way: `charter.toml` -> [`charter`] (parse, validate) ->
//! [`render`] (pages in Bangla and English) -> [`site`] (pre-rendered,
//! pre-compressed) -> [`server`] (HTTP) or [`static_site`] (files).
//! [`history`] keeps every version the server loads. [`cli`] ties them
//! to the `charter` command.

pub mod assets;
pub mod calendar;
pub mod charter;
pub mod cli;
pub mod encoding;
pub mod history;
pub mod i18n;
pub mod import;
pub mod output;
pub mod render;
pub mod server;
pub mod site;
pub mod static_site;
pub mod urls;

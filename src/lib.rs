//! The citizen charter website of a Bangladesh government office.
//!
//! Data flows one way: `charter.toml` -> [`charter`] (parse, validate) ->
//! [`render`] (pages in Bangla and English) -> [`site`] (pre-rendered,
//! pre-compressed) -> [`server`] (HTTP) or [`static_site`] (files).
//! [`history`] keeps every version the server loads. [`cli`] ties them
//! to the `charter` command.

// The pipeline, in the order data flows.
pub mod charter;
pub mod render;
pub mod site;

pub mod feedback;
pub mod server;
pub mod staff;
pub mod static_site;
pub mod store;

pub mod cli;

// What the pipeline uses.
pub mod assets;
pub mod calendar;
pub mod encoding;
pub mod history;
pub mod hosts;
pub mod i18n;
pub mod import;
pub mod offices;
pub mod output;
pub mod priority;
pub mod urls;

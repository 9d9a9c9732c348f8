//! Integration tests: the site through real HTTP, the `charter` command,
//! reload, static build and import. One test binary, one module per family.

mod addresses;
mod build;
mod check;
mod compression;
mod directory;
mod docs;
mod english;
mod feedback;
mod hardening;
mod history;
mod http;
mod import;
mod layout;
mod mistakes;
mod offices;
mod open_data;
mod output;
mod pages;
mod properties;
mod reload;
mod restore;
mod search;
mod staff;
mod support;
mod validation;

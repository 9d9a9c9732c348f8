//! Integration tests: the site through real HTTP, the `charter` command,
//! reload, static build and import. One test binary, one module per family.

mod build;
mod check;
mod http;
mod import;
mod pages;
mod reload;
mod support;
mod validation;

//! Real-browser tests: headless Chromium, driven through chromedriver, on
//! the site served in-process.
//!
//! They need Debian's `chromium`, `chromium-driver` and `fonts-noto-core`,
//! and `npm ci --ignore-scripts` for axe-core. Without them the tests say
//! SKIPPED and pass, and the run ends with a summary of how many were
//! skipped and why; under CI (the `CI` variable set) they fail instead.
//! `CHARTER_CHROMEDRIVER`, `CHARTER_CHROMIUM` and `CHARTER_AXE_CORE` name
//! other copies of the tools. Pictures of the pages land in
//! `target/screenshots/`.

mod accessibility;
mod feedback;
mod first_view;
mod layout;
mod navigation;
mod pdf;
mod pictures;
mod staff;
mod support;

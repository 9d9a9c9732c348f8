//! Real-browser tests: headless Chromium, driven through chromedriver, on
//! the site served in-process.
//!
//! They need Debian's `chromium`, `chromium-driver` and `fonts-noto-core`,
//! and `npm ci --ignore-scripts` for axe-core. Without chromedriver they
//! say SKIPPED and pass, except under CI (the `CI` variable set), where
//! they fail. Pictures of the pages land in `target/screenshots/`.

mod accessibility;
mod layout;
mod navigation;
mod pictures;
mod support;

//! The staff area.
pub mod edit;
pub mod password;
pub mod throttle;
pub mod tokens;

//! A folder of offices: which of its files are offices' charters
//! ([`folder`]), the registry of their addresses ([`registry`]), the one
//! rule every command routes addresses by ([`addresses`]), the folder read
//! whole as the commands read it ([`read`]), and the registry written
//! from the files ([`init`]).
//!
//! A single charter file is none of this: it answers every address.

pub mod addresses;
pub mod folder;
pub mod init;
pub mod read;
pub mod registry;

pub use addresses::{Claims, Refused, Routing, route};
pub use folder::{Folder, MAX_OFFICES, OfficeFile, Scan, Skipped};
pub use registry::Registry;

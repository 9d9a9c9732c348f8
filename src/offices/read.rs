//! A folder of offices read whole, as `check`, `build` and `charter
//! offices init` read it: the registry, every entry skipped, and every
//! office's charter read and checked.

use std::path::Path;

use rayon::prelude::*;

use super::addresses::{Claims, Routing, route};
use super::folder::{Folder, Skipped};
use super::registry::{ReadError, Registry};
use crate::charter::{self, CharterFile, LoadError, Loaded};

/// A folder of offices, read.
pub struct Read {
    /// The folder.
    pub folder: Folder,
    /// Its registry of addresses, or why it could not be read.
    pub registry: Result<Registry, ReadError>,
    /// The entries of the folder skipped.
    pub skipped: Vec<Skipped>,
    /// Every office read, by id: the registry's, or without one, every
    /// file's of the folder.
    pub offices: Vec<OfficeRead>,
}

/// One office's charter, read.
pub struct OfficeRead {
    /// The office.
    pub id: String,
    /// Its file.
    pub file: CharterFile,
    /// Its charter, or why it cannot be read.
    pub loaded: Result<Loaded, LoadError>,
}

impl Read {
    /// Reads the folder `dir` and its registry at `registry` (an address
    /// equal to `directory` reaches no office), and every office's charter
    /// of at most `max` bytes, on the current thread pool. `Err` when the
    /// folder cannot be read.
    pub fn folder(
        dir: &Path,
        registry: &Path,
        directory: Option<&str>,
        max: u64,
    ) -> std::io::Result<Read> {
        Read::with(dir, Registry::read(registry, directory), max)
    }

    /// Reads every charter file of the folder `dir`, whatever a registry
    /// lists (the first [`super::MAX_OFFICES`] by name): to write one.
    pub fn every_file(dir: &Path, max: u64) -> std::io::Result<Read> {
        Read::with(dir, Err(ReadError::Missing(dir.to_path_buf())), max)
    }

    fn with(dir: &Path, registry: Result<Registry, ReadError>, max: u64) -> std::io::Result<Read> {
        let folder = Folder::open(dir)?;
        let ids = registry.as_ref().ok().map(Registry::ids);
        let scan = folder.scan(ids.as_ref())?;
        let ids: Vec<String> = match ids {
            Some(ids) => ids.into_iter().collect(),
            None => scan.files.into_iter().map(|f| f.id).collect(),
        };
        let offices = ids
            .into_par_iter()
            .map(|id| {
                let file = folder.file(&id);
                let loaded = charter::load(&file, max);
                OfficeRead { id, file, loaded }
            })
            .collect();
        Ok(Read {
            folder,
            registry,
            skipped: scan.skipped,
            offices,
        })
    }

    /// Which office each address reaches, and what the charters that
    /// could be read name that does not reach their office: by the
    /// registry, or without one, by the files.
    pub fn routing(&self, directory: Option<&str>) -> Routing {
        let files: Vec<(String, &OfficeRead)> = (self.offices.iter())
            .map(|o| (o.file.path().display().to_string(), o))
            .collect();
        let claims: Vec<Claims<'_>> = files
            .iter()
            .filter_map(|(file, o)| {
                let loaded = o.loaded.as_ref().ok()?;
                Some(Claims {
                    id: &o.id,
                    file,
                    claims: &loaded.claims,
                })
            })
            .collect();
        route(self.registry.as_ref().ok(), &claims, directory)
    }
}

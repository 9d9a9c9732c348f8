//! The portal-text importer on arbitrary input: it refuses the text with a
//! message, or writes a charter that `charter check` accepts, or writes a
//! charter with what check found in it; whatever it writes is valid TOML.
#![no_main]

use citizen_charter::import::{ImportError, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match import(text) {
        Ok(written) => {
            if let Err(e) = citizen_charter::charter::load_str("imported", &written) {
                panic!("import wrote a charter check refuses: {e}\n{written}");
            }
        }
        Err(ImportError::FailsCheck { toml, .. }) => {
            if let Err(e) = toml.parse::<toml::Table>() {
                panic!("import wrote invalid TOML: {e}\n{toml}");
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});

//! The portal-text importer on arbitrary input: it either refuses the text
//! with a message or writes a charter that is valid TOML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match citizen_charter::import::import(text) {
        Ok(written) => {
            if let Err(e) = written.parse::<toml::Table>() {
                panic!("import wrote invalid TOML: {e}\n{written}");
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});

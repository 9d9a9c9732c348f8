//! The charter loader on arbitrary input: parsing, validation and the
//! report (which turns byte spans into lines and columns).
#![no_main]

use citizen_charter::charter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A charter file that is not UTF-8 is refused when it is read, before
    // the loader sees it.
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match charter::load_str("fuzz.toml", source) {
        Ok(loaded) => {
            let _ = loaded.warnings.to_string();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});

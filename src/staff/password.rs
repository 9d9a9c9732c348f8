//! Passwords: what is accepted, and how they are hashed.
//!
//! A password is counted after NFC normalisation (a Bangla letter typed as
//! one character or as its parts counts once): at least
//! [`MIN_CHARS`], at most [`MAX_CHARS`], and not one of the 30,000 most
//! common passwords (`common-passwords.txt`, from the zxcvbn crate; see
//! `common-passwords.LICENSE`), in any case, nor the account's name.
//!
//! Hashing is argon2id, version 0x13, with OWASP's first recommended
//! parameters: 19 MiB of memory (m = 19456 KiB), 2 passes (t = 2), one
//! lane (p = 1), a 16-byte random salt and a 32-byte output, stored as a
//! PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). A hash keeps its own
//! parameters, so raising them later still verifies the old ones. The work
//! runs on the server's CPU pool, never on the async workers.

use std::collections::HashSet;
use std::sync::LazyLock;

use argon2::{Algorithm, Argon2, Params, PasswordHasher as _, PasswordVerifier as _, Version};
use unicode_normalization::UnicodeNormalization as _;

/// Fewest characters in a password, counted after NFC.
pub const MIN_CHARS: usize = 12;
/// Most characters in a password.
pub const MAX_CHARS: usize = 256;

/// argon2id's memory, in KiB.
pub const M_COST: u32 = 19 * 1024;
/// argon2id's passes.
pub const T_COST: u32 = 2;
/// argon2id's lanes.
pub const P_COST: u32 = 1;

/// The most common passwords, lower case.
static COMMON: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("common-passwords.txt").lines().collect());

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weak {
    /// Fewer than [`MIN_CHARS`] characters.
    Short,
    /// More than [`MAX_CHARS`].
    Long,
    /// Among the most common passwords, or the account's name.
    Common,
}

impl Weak {
    /// The message id saying why.
    pub fn message_id(self) -> &'static str {
        match self {
            Weak::Short => "staff-password-short",
            Weak::Long => "staff-password-long",
            Weak::Common => "staff-password-common",
        }
    }
}

/// `password` as it is hashed and counted: NFC.
pub fn normalized(password: &str) -> String {
    password.nfc().collect()
}

/// Whether `password` (NFC) may be the password of the account `name`.
pub fn acceptable(password: &str, name: &str) -> Result<(), Weak> {
    let count = password.chars().count();
    if count < MIN_CHARS {
        return Err(Weak::Short);
    }
    if count > MAX_CHARS {
        return Err(Weak::Long);
    }
    let lower = password.to_lowercase();
    let one_character = password.chars().all(|c| password.starts_with(c));
    if COMMON.contains(lower.as_str()) || lower == name.to_lowercase() || one_character {
        return Err(Weak::Common);
    }
    Ok(())
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(M_COST, T_COST, P_COST, Some(32)).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string of `password` (NFC), with a new random salt. CPU work:
/// call it on the CPU pool.
pub fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the system's random numbers");
    argon2()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .expect("argon2 hashes any password of at most 256 characters")
        .to_string()
}

/// Whether `password` (NFC) is the one hashed as `phc`; false for a hash
/// that cannot be read. The same work either way. CPU work: call it on
/// the CPU pool.
pub fn verify(password: &str, phc: &str) -> bool {
    argon2().verify_password(password.as_bytes(), phc).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_characters_after_nfc_and_not_a_common_one() {
        assert_eq!(acceptable("short", "x"), Err(Weak::Short));
        assert_eq!(acceptable(&"ab".repeat(129), "x"), Err(Weak::Long));
        assert_eq!(acceptable("Password1234", "x"), Err(Weak::Common));
        assert_eq!(acceptable("aaaaaaaaaaaaaa", "x"), Err(Weak::Common));
        assert_eq!(
            acceptable("rahima.begum1", "rahima.begum1"),
            Err(Weak::Common)
        );
        assert_eq!(acceptable("ঘাসফুল নদীর পাড়ে", "x"), Ok(()));
        // "কী" typed as its parts is one letter fewer once composed: the
        // count is the composed one's. (ো = ে + া.)
        let decomposed = "কো".repeat(6);
        assert_eq!(decomposed.chars().count(), 12);
        let composed = normalized(&"ক\u{09C7}\u{09BE}".repeat(6));
        assert_eq!(composed.chars().count(), 12);
        assert_eq!(acceptable(&composed, "x"), Ok(()));
        assert_eq!(
            acceptable(&normalized(&"ক\u{09C7}\u{09BE}".repeat(5)), "x"),
            Err(Weak::Short)
        );
    }

    #[test]
    fn a_hash_names_its_parameters_and_verifies_only_its_password() {
        let phc = hash("a long passphrase");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify("a long passphrase", &phc));
        assert!(!verify("a long passphrasE", &phc));
        assert!(!verify("a long passphrase", "not a hash"));
    }

    #[test]
    fn the_list_is_the_whole_list() {
        assert_eq!(COMMON.len(), 30_000);
        assert!(COMMON.contains("123456") && COMMON.contains("password1234"));
    }
}

//! Content codings: how pages are compressed, at which levels, and which
//! coding a client gets for its `Accept-Encoding`.

use std::io::Write;

/// brotli quality of the copies a page ends up with: the smallest brotli
/// makes. It is the slowest, so it runs after a charter loads, in the
/// background (`site::Compressor`).
pub const BROTLI_QUALITY: u32 = 11;

/// gzip level of the copies a page ends up with.
pub const GZIP_LEVEL: u32 = 9;

/// gzip level of the copy made while a charter loads: every browser takes
/// gzip, and level 1 is several times faster than level 9 for a little
/// more than a third more bytes, a good trade for the seconds until the
/// smallest copies are ready.
pub const QUICK_GZIP_LEVEL: u32 = 1;

/// Content codings, in our order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// brotli.
    Brotli,
    /// gzip.
    Gzip,
    /// No compression.
    Identity,
}

impl Encoding {
    /// Every coding, in our order of preference (which breaks ties).
    pub const ALL: [Encoding; 3] = [Encoding::Brotli, Encoding::Gzip, Encoding::Identity];
}

/// What a request's `Accept-Encoding` accepts: a q-value for each coding
/// we have (0 when not acceptable).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accepted {
    brotli: f32,
    gzip: f32,
    identity: f32,
}

impl Accepted {
    /// Reads an `Accept-Encoding` value; no header (or one that is not
    /// text) accepts identity only.
    pub fn parse(header: Option<&str>) -> Accepted {
        let Some(value) = header else {
            return Accepted {
                brotli: 0.0,
                gzip: 0.0,
                identity: 1.0,
            };
        };
        // The q-value of each coding we know, as first listed; None when
        // not listed. Parsed in place, without allocating: this runs on
        // every request.
        let (mut br, mut gzip, mut identity, mut star) = (None, None, None, None);
        for item in value.split(',') {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let slot = if coding.eq_ignore_ascii_case("br") {
                &mut br
            } else if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
                &mut gzip
            } else if coding.eq_ignore_ascii_case("identity") {
                &mut identity
            } else if coding == "*" {
                &mut star
            } else {
                continue;
            };
            if slot.is_some() {
                continue;
            }
            let mut q = 1.0_f32;
            for param in parts {
                if let Some((k, v)) = param.split_once('=')
                    && k.trim().eq_ignore_ascii_case("q")
                {
                    q = v.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
            *slot = Some(q);
        }
        // Identity is acceptable unless excluded by name or by `*;q=0`;
        // when not named it only wins if nothing else is acceptable.
        let identity = match (identity, star) {
            (Some(q), _) => q,
            (None, Some(0.0)) => 0.0,
            (None, _) => 0.001,
        };
        Accepted {
            brotli: br.or(star).unwrap_or(0.0),
            gzip: gzip.or(star).unwrap_or(0.0),
            identity,
        }
    }

    fn q(&self, encoding: Encoding) -> f32 {
        match encoding {
            Encoding::Brotli => self.brotli,
            Encoding::Gzip => self.gzip,
            Encoding::Identity => self.identity,
        }
    }

    /// The coding to send among `available`: highest q-value wins, ties go
    /// to br, then gzip, then identity; `None` when none is acceptable.
    pub fn best(&self, available: &[Encoding]) -> Option<Encoding> {
        Encoding::ALL
            .into_iter()
            .filter(|e| available.contains(e))
            .map(|e| (e, self.q(e)))
            .filter(|(_, q)| *q > 0.0)
            .fold(None, |best: Option<(Encoding, f32)>, (e, q)| match best {
                Some((_, bq)) if bq >= q => best,
                _ => Some((e, q)),
            })
            .map(|(e, _)| e)
    }
}

/// Text compresses; fonts (WOFF2 is brotli inside) and images do not, and
/// compressing them again only costs load time.
pub fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("image/svg+xml")
}

/// `data` gzipped at `level`.
pub fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    let out = Vec::with_capacity(data.len() / 3);
    let mut enc = flate2::write::GzEncoder::new(out, flate2::Compression::new(level));
    // Writing to a Vec cannot fail.
    enc.write_all(data).expect("gzip into memory");
    enc.finish().expect("gzip into memory")
}

/// `data` compressed with brotli at [`BROTLI_QUALITY`].
pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        // A window just large enough for the page, and at most 256 KiB:
        // at quality 11 the encoder needs 8 bytes per byte of window, and
        // a larger window saves next to nothing on pages of this kind.
        lgwin: (data.len().max(1).ilog2() as i32 + 1).clamp(16, 18),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("brotli into memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    #[test]
    fn q_values_decide_and_ties_prefer_br_then_gzip() {
        for (header, expected) in [
            (None, Some(Identity)),
            (Some(""), Some(Identity)),
            (Some("br, gzip"), Some(Brotli)),
            (Some("gzip, br"), Some(Brotli)),
            (Some("gzip"), Some(Gzip)),
            (Some("GZIP;Q=1"), Some(Gzip)),
            (Some("br;q=0.5, gzip;q=0.8"), Some(Gzip)),
            (Some("br;q=0, gzip"), Some(Gzip)),
            (Some("*"), Some(Brotli)),
            (Some("*;q=0.5, br;q=0"), Some(Gzip)),
            (Some("deflate"), Some(Identity)),
            (Some("identity;q=0"), None),
            (Some("*;q=0"), None),
            (Some("*;q=0, identity"), Some(Identity)),
            (Some("br;q=0, gzip;q=0, identity;q=0"), None),
            (Some("gzip;q=nonsense, identity;q=0.5"), Some(Identity)),
        ] {
            // With all three codings at hand.
            let chosen = Accepted::parse(header).best(&Encoding::ALL);
            assert_eq!(chosen, expected, "{header:?}");
        }
    }

    #[test]
    fn only_available_codings_are_chosen() {
        let both = Accepted::parse(Some("br, gzip"));
        assert_eq!(both.best(&[Gzip, Identity]), Some(Gzip));
        assert_eq!(both.best(&[Identity]), Some(Identity));
        let br_only = Accepted::parse(Some("br, identity;q=0"));
        assert_eq!(br_only.best(&[Gzip, Identity]), None);
        assert_eq!(br_only.best(&Encoding::ALL), Some(Brotli));
    }

    #[test]
    fn compressed_copies_decode_to_the_original() {
        use std::io::Read;
        let text = "সিটিজেন চার্টার — citizen charter\n".repeat(200);
        let mut out = Vec::new();
        brotli::Decompressor::new(&brotli(text.as_bytes())[..], 4096)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, text.as_bytes());
        for level in [QUICK_GZIP_LEVEL, GZIP_LEVEL] {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&gzip(text.as_bytes(), level)[..])
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, text.as_bytes());
        }
    }
}

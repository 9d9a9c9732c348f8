//! Content codings: how pages are compressed, at which levels, and which
//! coding a client gets for its `Accept-Encoding`.

use std::cell::RefCell;

use flate2::{Compress, Compression, Crc, Decompress, FlushCompress, FlushDecompress, Status};

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

/// gzip level of a copy made for one request, from a page's brotli copy,
/// when the page keeps no gzip copy of its own (a server of many offices):
/// within a few per cent of level 9's size in half its time or less.
pub const MADE_GZIP_LEVEL: u32 = 6;

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

thread_local! {
    /// This thread's deflate state for each level it compresses at, kept
    /// from page to page. Making one is a large allocation (a few hundred
    /// KiB, aligned), which glibc's allocator does not reuse once freed
    /// when it is made for every page of thousands: the heap then grows
    /// by most of a state per page, and allocating takes a good share of
    /// the time of a load.
    static DEFLATE: RefCell<Vec<(u32, Compress)>> = const { RefCell::new(Vec::new()) };
    /// This thread's inflate state, kept for the same reason.
    static INFLATE: RefCell<Option<Decompress>> = const { RefCell::new(None) };
}

/// The gzip header [`gzip`] writes, as flate2's `GzEncoder` writes it: no
/// name, no time, the operating system "unknown" (the same bytes wherever
/// they are made), and the flag for the fastest or the best level.
fn gzip_header(level: u32) -> [u8; GZIP_HEADER_LEN] {
    let extra_flags = match level {
        9.. => 2,
        ..=1 => 4,
        _ => 0,
    };
    [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extra_flags, 255]
}

const GZIP_HEADER_LEN: usize = 10;
/// The CRC-32 and length of the data, after the deflate stream.
const GZIP_TRAILER_LEN: usize = 8;

/// `data` gzipped at `level`.
pub fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 3 + GZIP_HEADER_LEN + GZIP_TRAILER_LEN);
    gzip_into(data, level, &mut out);
    out
}

/// Appends `data` gzipped at `level` to `out`.
pub fn gzip_into(data: &[u8], level: u32, out: &mut Vec<u8>) {
    out.extend_from_slice(&gzip_header(level));
    DEFLATE.with_borrow_mut(|states| {
        let at = match states.iter().position(|(l, _)| *l == level) {
            Some(at) => at,
            None => {
                states.push((level, Compress::new(Compression::new(level), false)));
                states.len() - 1
            }
        };
        let deflate = &mut states[at].1;
        deflate.reset();
        loop {
            let read = usize::try_from(deflate.total_in()).expect("read from memory");
            // Compressing into memory cannot fail; it stops when `out` is
            // full, which then grows.
            let status = deflate
                .compress_vec(&data[read..], out, FlushCompress::Finish)
                .expect("deflate into memory");
            if status == Status::StreamEnd {
                break;
            }
            out.reserve(out.capacity().max(64));
        }
    });
    let mut crc = Crc::new();
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // The length modulo 2^32, as gzip has it.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
}

/// The first `len` bytes that `data`, a stream [`gzip`] made, decodes to:
/// at most `len` are ever held, whatever the stream says.
pub fn gunzip(data: &[u8], len: usize) -> std::io::Result<Vec<u8>> {
    let invalid = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what);
    let deflated = data
        .get(GZIP_HEADER_LEN..data.len().saturating_sub(GZIP_TRAILER_LEN))
        .filter(|_| data[..3] == [0x1f, 0x8b, 8] && data[3] == 0)
        .ok_or_else(|| invalid("not a gzip stream of this program's"))?;
    let mut out = Vec::with_capacity(len);
    INFLATE.with_borrow_mut(|state| {
        let inflate = state.get_or_insert_with(|| Decompress::new(false));
        inflate.reset(false);
        // Decoding stops when `out` holds `len` bytes: it never grows.
        inflate
            .decompress_vec(deflated, &mut out, FlushDecompress::Finish)
            .map_err(|e| invalid(&e.to_string()))
    })?;
    Ok(out)
}

/// `data` compressed with brotli at [`BROTLI_QUALITY`].
pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4);
    brotli_into(data, &mut out);
    out
}

/// Appends `data` compressed with brotli at [`BROTLI_QUALITY`] to `out`.
pub fn brotli_into(data: &[u8], out: &mut Vec<u8>) {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        // A window just large enough for the page, and at most 256 KiB:
        // at quality 11 the encoder needs 8 bytes per byte of window, and
        // a larger window saves next to nothing on pages of this kind.
        lgwin: (data.len().max(1).ilog2() as i32 + 1).clamp(16, 18),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], out, &params).expect("brotli into memory");
}

/// The first `len` bytes that `data`, a brotli stream, decodes to: at most
/// `len` are ever held, whatever the stream says.
pub fn unbrotli(data: &[u8], len: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(len);
    // The buffer the decoder reads its input through: the input is in
    // memory already, a small one does.
    brotli::Decompressor::new(data, 4096)
        .take(len as u64)
        .read_to_end(&mut out)?;
    Ok(out)
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

    #[test]
    fn gzip_that_any_gzip_reader_reads_and_back() {
        use std::io::Read;
        let text = "সিটিজেন চার্টার — citizen charter\n".repeat(2000);
        for data in [&b""[..], b"x", text.as_bytes()] {
            for level in [QUICK_GZIP_LEVEL, MADE_GZIP_LEVEL, GZIP_LEVEL] {
                let gzipped = gzip(data, level);
                // A thread's kept state makes the same bytes again.
                assert_eq!(gzip(data, level), gzipped, "level {level}");
                let mut read = Vec::new();
                flate2::read::GzDecoder::new(&gzipped[..])
                    .read_to_end(&mut read)
                    .unwrap();
                assert_eq!(read, data, "level {level}");
                assert_eq!(gunzip(&gzipped, data.len()).unwrap(), data);
                // Never more than asked for.
                let cut = data.len() / 2;
                assert_eq!(gunzip(&gzipped, cut).unwrap(), &data[..cut]);
            }
        }
        assert!(gunzip(b"not gzip", 10).is_err());
        assert!(gunzip(b"", 10).is_err());
    }

    #[test]
    fn brotli_back_never_more_than_asked() {
        let text = "সিটিজেন চার্টার — citizen charter\n".repeat(2000);
        for data in [&b""[..], b"x", text.as_bytes()] {
            let compressed = brotli(data);
            assert_eq!(unbrotli(&compressed, data.len()).unwrap(), data);
            let cut = data.len() / 2;
            assert_eq!(unbrotli(&compressed, cut).unwrap(), &data[..cut]);
        }
        assert!(unbrotli(b"not brotli at all", 100).is_err());
    }
}

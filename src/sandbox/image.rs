//! Tiny PNGs for image MFA challenges, generated in code as `data:image/png`
//! URIs (the widget only shows inline raster images, never a fetched one).
//!
//! Two-colour palette images (1 bit per pixel), stored uncompressed in the
//! zlib stream: a few hundred bytes each, valid PNG, no dependency.

/// A 3×5 pixel capital letter, one row per entry, bit 2 = leftmost pixel.
fn glyph(ch: char) -> [u8; 5] {
    match ch.to_ascii_uppercase() {
        'A' => [0b010, 0b101, 0b111, 0b101, 0b101],
        'B' => [0b110, 0b101, 0b110, 0b101, 0b110],
        'C' => [0b011, 0b100, 0b100, 0b100, 0b011],
        'D' => [0b110, 0b101, 0b101, 0b101, 0b110],
        'E' => [0b111, 0b100, 0b110, 0b100, 0b111],
        'F' => [0b111, 0b100, 0b110, 0b100, 0b100],
        'G' => [0b011, 0b100, 0b101, 0b101, 0b011],
        'H' => [0b101, 0b101, 0b111, 0b101, 0b101],
        'I' => [0b111, 0b010, 0b010, 0b010, 0b111],
        'J' => [0b001, 0b001, 0b001, 0b101, 0b010],
        'K' => [0b101, 0b101, 0b110, 0b101, 0b101],
        'L' => [0b100, 0b100, 0b100, 0b100, 0b111],
        'M' => [0b101, 0b111, 0b111, 0b101, 0b101],
        'N' => [0b110, 0b101, 0b101, 0b101, 0b101],
        'O' => [0b010, 0b101, 0b101, 0b101, 0b010],
        'P' => [0b110, 0b101, 0b110, 0b100, 0b100],
        'Q' => [0b010, 0b101, 0b101, 0b110, 0b011],
        'R' => [0b110, 0b101, 0b110, 0b101, 0b101],
        'S' => [0b011, 0b100, 0b010, 0b001, 0b110],
        'T' => [0b111, 0b010, 0b010, 0b010, 0b010],
        'U' => [0b101, 0b101, 0b101, 0b101, 0b111],
        'V' => [0b101, 0b101, 0b101, 0b101, 0b010],
        'W' => [0b101, 0b101, 0b111, 0b111, 0b101],
        'X' => [0b101, 0b101, 0b010, 0b101, 0b101],
        'Y' => [0b101, 0b101, 0b010, 0b010, 0b010],
        'Z' => [0b111, 0b001, 0b010, 0b100, 0b111],
        _ => [0; 5],
    }
}

/// A picture of `text` in capitals (what the user types for an IMAGE_DATA challenge).
pub fn word_png(text: &str, ink: [u8; 3], paper: [u8; 3]) -> String {
    const SCALE: u32 = 4;
    const PAD: u32 = 2;
    let chars: Vec<char> = text.chars().take(16).collect();
    let cells = chars.len().max(1) as u32;
    let width = (cells * 4 + 2 * PAD - 1) * SCALE;
    let height = (5 + 2 * PAD) * SCALE;
    data_uri(&png(width, height, [paper, ink], |x, y| {
        let (cx, cy) = (x / SCALE, y / SCALE);
        if !(PAD..PAD + 5).contains(&cy) || cx < PAD {
            return false;
        }
        let (col, row) = (cx - PAD, cy - PAD);
        let (index, bit) = ((col / 4) as usize, col % 4);
        match chars.get(index) {
            Some(&ch) if bit < 3 => glyph(ch)[row as usize] & (0b100 >> bit) != 0,
            _ => false,
        }
    }))
}

/// Shapes for IMAGE_OPTIONS choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// A 32×32 picture of `shape` in `ink` on `paper`.
pub fn shape_png(shape: Shape, ink: [u8; 3], paper: [u8; 3]) -> String {
    const SIZE: u32 = 32;
    data_uri(&png(SIZE, SIZE, [paper, ink], |x, y| {
        let (x, y) = (x as i32, y as i32);
        let (dx, dy) = (x - 16, y - 16);
        match shape {
            Shape::Circle => dx * dx + dy * dy <= 12 * 12,
            Shape::Square => dx.abs() <= 10 && dy.abs() <= 10,
            Shape::Triangle => (5..=27).contains(&y) && dx.abs() * 2 <= y - 4,
            Shape::Diamond => dx.abs() + dy.abs() <= 13,
        }
    }))
}

fn data_uri(bytes: &[u8]) -> String {
    format!("data:image/png;base64,{}", base64(bytes))
}

/// An indexed-colour PNG, 1 bit per pixel; `ink(x, y)` picks palette entry 1.
fn png(width: u32, height: u32, palette: [[u8; 3]; 2], ink: impl Fn(u32, u32) -> bool) -> Vec<u8> {
    let stride = width.div_ceil(8) as usize;
    let mut raw = Vec::with_capacity((stride + 1) * height as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        let mut row = vec![0u8; stride];
        for x in 0..width {
            if ink(x, y) {
                row[(x / 8) as usize] |= 0x80 >> (x % 8);
            }
        }
        raw.extend_from_slice(&row);
    }

    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[1, 3, 0, 0, 0]); // bit depth 1, palette, deflate, no filter, no interlace

    let mut out = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"PLTE", &palette.concat());
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of uncompressed ("stored") deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = if data.is_empty() { vec![&[][..]] } else { data.chunks(65_535).collect() };
    let last = blocks.len() - 1;
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i == last));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

pub(crate) fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = (u32::from(group[0]) << 16)
            | (u32::from(group.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(group.get(2).copied().unwrap_or(0));
        for i in 0..4 {
            if i <= group.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Decode a `data:image/png;base64,` URI and check it is a well-formed PNG:
    /// signature, chunk CRCs, IHDR, and an IDAT zlib stream whose stored
    /// blocks and Adler-32 check out with the right amount of pixel data.
    pub(crate) fn check_png(uri: &str) -> Result<(u32, u32), String> {
        let b64 = uri.strip_prefix("data:image/png;base64,").ok_or("not a PNG data URI")?;
        let bytes = decode_base64(b64)?;
        if bytes.get(..8) != Some(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..]) {
            return Err("bad signature".into());
        }
        let (mut at, mut size, mut idat, mut ended) = (8usize, None, Vec::new(), false);
        while at + 12 <= bytes.len() {
            let len = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
            let body = bytes.get(at + 4..at + 8 + len).ok_or("truncated chunk")?;
            let crc = bytes.get(at + 8 + len..at + 12 + len).ok_or("truncated crc")?;
            if crc32(body).to_be_bytes() != crc {
                return Err("bad chunk crc".into());
            }
            let data = &body[4..];
            match &body[..4] {
                b"IHDR" => {
                    let w = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                    let h = u32::from_be_bytes([data[4], data[5], data[6], data[7]]);
                    size = Some((w, h));
                }
                b"IDAT" => idat.extend_from_slice(data),
                b"IEND" => ended = true,
                _ => {}
            }
            at += 12 + len;
        }
        let (w, h) = size.ok_or("no IHDR")?;
        if !ended || at != bytes.len() {
            return Err("no IEND at the end".into());
        }
        // zlib: header, stored blocks, adler32.
        let mut raw = Vec::new();
        let mut p = 2;
        loop {
            let last = idat.get(p).ok_or("truncated deflate")? & 1 == 1;
            let len = u16::from_le_bytes([idat[p + 1], idat[p + 2]]) as usize;
            let nlen = u16::from_le_bytes([idat[p + 3], idat[p + 4]]) as usize;
            if len != !nlen & 0xffff {
                return Err("bad stored block length".into());
            }
            raw.extend_from_slice(idat.get(p + 5..p + 5 + len).ok_or("truncated block")?);
            p += 5 + len;
            if last {
                break;
            }
        }
        let adler = idat.get(p..p + 4).ok_or("no adler")?;
        if adler32(&raw).to_be_bytes() != adler {
            return Err("bad adler32".into());
        }
        if raw.len() != (w.div_ceil(8) as usize + 1) * h as usize {
            return Err("wrong amount of pixel data".into());
        }
        Ok((w, h))
    }

    fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
        let value = |c: u8| -> Result<u32, String> {
            Ok(match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => return Err(format!("bad base64 byte {c}")),
            } as u32)
        };
        let mut out = Vec::new();
        for group in text.as_bytes().chunks(4) {
            let pad = group.iter().filter(|&&c| c == b'=').count();
            let mut n = 0u32;
            for &c in group {
                n = (n << 6) | if c == b'=' { 0 } else { value(c)? };
            }
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..3 - pad]);
        }
        Ok(out)
    }

    #[test]
    fn generated_images_are_valid_small_pngs() {
        // Why: a broken image would leave an IMAGE_DATA/IMAGE_OPTIONS challenge unanswerable.
        let word = word_png("correct", [0, 0, 0], [255, 255, 255]);
        assert_eq!(check_png(&word), Ok((((7 * 4) + 3) * 4, 36)));
        assert!(word.len() < 1500, "an inline image stays small ({} bytes)", word.len());
        for shape in [Shape::Circle, Shape::Square, Shape::Triangle, Shape::Diamond] {
            let uri = shape_png(shape, [10, 20, 30], [250, 250, 250]);
            assert_eq!(check_png(&uri), Ok((32, 32)));
        }
        assert_ne!(shape_png(Shape::Circle, [0; 3], [255; 3]), shape_png(Shape::Square, [0; 3], [255; 3]));
    }

    #[test]
    fn checksums_match_known_values() {
        // Why: PNG readers reject a file whose CRC or Adler-32 is off by one bit.
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }
}

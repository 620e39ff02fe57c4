//! Small deterministic helpers: stable hashes, guid formatting, ISO 8601 time.
//!
//! The sandbox has no clock and no randomness source: everything that looks
//! random (guids, popularity, colours) is derived from a stable hash, so two
//! runs (and two machines) see exactly the same data.

/// FNV-1a, 64 bit: stable across platforms and Rust versions (unlike `DefaultHasher`).
pub fn fnv64(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// SplitMix64 finaliser: spreads the bits of a hash or a counter.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// `PREFIX-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, derived from `seed`, like MX's guids.
pub fn guid(prefix: &str, seed: &str) -> String {
    let a = mix(fnv64(seed));
    let b = mix(a ^ 0x5bd1_e995);
    format!(
        "{prefix}-{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

/// A UTC time as `2024-01-01T00:00:00+00:00` (MX's format), from milliseconds
/// since the Unix epoch. Negative or non-finite input clamps to the epoch.
pub fn iso8601(epoch_ms: f64) -> String {
    use crate::model::time::civil_from_days;
    let secs = if epoch_ms.is_finite() && epoch_ms > 0.0 { (epoch_ms / 1000.0).floor() as i64 } else { 0 };
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+00:00", rem / 3600, (rem % 3600) / 60, rem % 60)
}

/// Seconds since the Unix epoch (MX's `finished_at`).
pub fn epoch_seconds(epoch_ms: f64) -> i64 {
    if epoch_ms.is_finite() && epoch_ms > 0.0 {
        (epoch_ms / 1000.0).floor() as i64
    } else {
        0
    }
}

/// `code`-style slug: lower case ASCII letters and digits joined by `_`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for ch in name.replace('&', " and ").chars() {
        if ch.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
            gap = false;
        } else if ch != '\'' && ch != '.' {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_guids_are_stable() {
        // Why: guids must survive a rebuild, or bookmarked `current_institution_guid`s break.
        assert_eq!(fnv64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(guid("INS", "mxbank"), guid("INS", "mxbank"));
        assert_ne!(guid("INS", "mxbank"), guid("INS", "mx_bank_oauth"));
        let g = guid("MBR", "1");
        assert!(g.starts_with("MBR-") && g.len() == 40, "{g}");
    }

    #[test]
    fn iso_times_are_utc_calendar_dates() {
        // Why: member timestamps are read by people and by hosts; a wrong calendar would show.
        assert_eq!(iso8601(0.0), "1970-01-01T00:00:00+00:00");
        assert_eq!(iso8601(1_704_067_200_000.0), "2024-01-01T00:00:00+00:00");
        assert_eq!(iso8601(1_709_210_096_000.0), "2024-02-29T12:34:56+00:00");
        assert_eq!(iso8601(f64::NAN), "1970-01-01T00:00:00+00:00");
        assert_eq!(epoch_seconds(1_682_356_863_500.0), 1_682_356_863);
    }

    #[test]
    fn slugs_are_codes() {
        // Why: institution codes are used in URLs and config (`current_institution_code`).
        assert_eq!(slug("MX Bank (OAuth)"), "mx_bank_oauth");
        assert_eq!(slug("Farmers & Merchants Bank"), "farmers_and_merchants_bank");
        assert_eq!(slug("St. Mary's Credit Union"), "st_marys_credit_union");
    }
}

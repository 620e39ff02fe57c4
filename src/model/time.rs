//! UTC calendar arithmetic, without a clock or a date crate: the sandbox's
//! timestamps and the event stream's `occurredAt` are formatted from
//! milliseconds since the Unix epoch.

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// RFC 3339 in UTC with milliseconds, `2024-01-01T00:00:00.000Z`. Negative
/// or non-finite input clamps to the epoch.
pub fn rfc3339_utc(epoch_ms: f64) -> String {
    let ms = if epoch_ms.is_finite() && epoch_ms > 0.0 { epoch_ms.floor() as i64 } else { 0 };
    let (secs, millis) = (ms.div_euclid(1000), ms.rem_euclid(1000));
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z", rem / 3600, (rem % 3600) / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_is_utc_with_milliseconds() {
        assert_eq!(rfc3339_utc(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339_utc(1_704_067_200_000.0), "2024-01-01T00:00:00.000Z");
        assert_eq!(rfc3339_utc(1_709_210_096_375.9), "2024-02-29T12:34:56.375Z");
        assert_eq!(rfc3339_utc(f64::NAN), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339_utc(-5.0), "1970-01-01T00:00:00.000Z");
    }
}

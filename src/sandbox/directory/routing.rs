//! ABA routing numbers: the checksum, and valid numbers made from a hash.

/// Whether `routing` is nine digits with a valid ABA checksum:
/// 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
pub fn is_valid_routing_number(routing: &str) -> bool {
    let digits: Vec<u32> = routing.chars().filter_map(|c| c.to_digit(10)).collect();
    if routing.len() != 9 || digits.len() != 9 {
        return false;
    }
    let sum: u32 = digits.iter().enumerate().map(|(i, d)| d * [3, 7, 1][i % 3]).sum();
    sum.is_multiple_of(10)
}

/// A valid ABA routing number from a hash: a Federal Reserve routing symbol
/// (01–12, or 21–32 for thrifts and credit unions), six digits, check digit.
pub(super) fn routing_number_from(hash: u64, thrift: bool) -> String {
    let district = 1 + (hash % 12) + if thrift { 20 } else { 0 };
    let middle = (hash >> 8) % 1_000_000;
    let first8 = format!("{district:02}{middle:06}");
    let partial: u32 =
        first8.chars().filter_map(|c| c.to_digit(10)).enumerate().map(|(i, d)| d * [3, 7, 1][i % 3]).sum();
    format!("{first8}{}", (10 - partial % 10) % 10)
}

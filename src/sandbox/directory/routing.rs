//! ABA routing numbers made from a hash (the checksum itself is `model::account`'s).

pub use crate::model::is_valid_routing_number;

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

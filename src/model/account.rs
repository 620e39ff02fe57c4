//! Bank account details as a person types them: ABA routing numbers, account
//! numbers, account types, and the two microdeposit amounts. Pure functions,
//! so every rule is tested natively.

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

/// Why a typed routing number cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoutingNumberError {
    Empty,
    /// Not nine digits (letters, or too short or too long).
    NotNineDigits,
    /// Nine digits, but the check digit does not match: a typo.
    Checksum,
}

/// The routing number as typed (spaces and dashes ignored), checked.
pub fn check_routing_number(typed: &str) -> Result<String, RoutingNumberError> {
    let compact: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if compact.is_empty() {
        Err(RoutingNumberError::Empty)
    } else if compact.len() != 9 || !compact.bytes().all(|b| b.is_ascii_digit()) {
        Err(RoutingNumberError::NotNineDigits)
    } else if !is_valid_routing_number(&compact) {
        Err(RoutingNumberError::Checksum)
    } else {
        Ok(compact)
    }
}

/// Why a typed account number cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountNumberError {
    Empty,
    /// Not 4 to 17 digits (the ACH limits).
    Invalid,
    /// The confirmation differs.
    Mismatch,
}

/// The account number (spaces and dashes ignored): 4 to 17 digits, typed twice alike.
pub fn check_account_number(typed: &str, confirmation: &str) -> Result<String, AccountNumberError> {
    let compact = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace() && *c != '-').collect() };
    let number = compact(typed);
    if number.is_empty() {
        return Err(AccountNumberError::Empty);
    }
    if !(4..=17).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AccountNumberError::Invalid);
    }
    if compact(confirmation) != number {
        return Err(AccountNumberError::Mismatch);
    }
    Ok(number)
}

/// An account number as it may be shown once typed: `*` and its last four
/// characters (`*1234`), the banking event catalogue's masked form. `None`
/// when there is nothing to show.
pub fn mask_account_number(number: &str) -> Option<String> {
    let kept: Vec<char> = number.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let last4: String = kept[kept.len().saturating_sub(4)..].iter().collect();
    (!last4.is_empty()).then(|| format!("*{last4}"))
}

/// The account types a microdeposit can go to (MX's `account_type` numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AccountType {
    #[default]
    Checking,
    Savings,
}

impl AccountType {
    pub fn code(self) -> i64 {
        match self {
            AccountType::Checking => 1,
            AccountType::Savings => 2,
        }
    }

    pub fn from_code(code: i64) -> Option<AccountType> {
        match code {
            1 => Some(AccountType::Checking),
            2 => Some(AccountType::Savings),
            _ => None,
        }
    }

    /// The English word in `account_name` ("Checking ...1234"), as MX's widget names it.
    pub fn name(self) -> &'static str {
        match self {
            AccountType::Checking => "Checking",
            AccountType::Savings => "Savings",
        }
    }
}

/// Why a typed deposit amount cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotAnAmount,
    /// Not between 1 and 99 cents: each deposit is less than a dollar.
    OutOfRange,
}

/// A deposit amount as a person writes it, in cents: `0.07`, `.07`, `$0.07`,
/// `0,07` (decimal comma) and `7` (a bare number counts cents, since each
/// deposit is under a dollar) are all 7 cents; `0.7` is 70 cents. Only 1–99
/// cents are accepted.
pub fn parse_amount_cents(typed: &str) -> Result<u8, AmountError> {
    let t = typed.trim();
    let t = t.strip_prefix('$').unwrap_or(t).trim_start();
    let t = t.strip_suffix('¢').unwrap_or(t).trim_end();
    if t.is_empty() {
        return Err(if typed.trim().is_empty() { AmountError::Empty } else { AmountError::NotAnAmount });
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let cents: u64 = match t.split_once(['.', ',']) {
        Some((whole, fraction)) => {
            if !digits(whole) || !digits(fraction) || fraction.is_empty() || fraction.len() > 2 || whole.len() > 6 {
                return Err(AmountError::NotAnAmount);
            }
            let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| AmountError::NotAnAmount)? };
            let fraction: u64 = format!("{fraction:0<2}").parse().map_err(|_| AmountError::NotAnAmount)?;
            whole * 100 + fraction
        }
        None if digits(t) && t.len() <= 6 => t.parse().map_err(|_| AmountError::NotAnAmount)?,
        None => return Err(AmountError::NotAnAmount),
    };
    match u8::try_from(cents) {
        Ok(c @ 1..=99) => Ok(c),
        _ => Err(AmountError::OutOfRange),
    }
}

/// An amount as `verifyMicrodeposit` receives it: the cents as two digits
/// (`"07"` for $0.07), which is what MX's widget sends.
pub fn amount_for_host(cents: u8) -> String {
    format!("{:02}", cents.min(99))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routing_numbers_need_nine_digits_and_the_aba_check_digit() {
        // Valid: published ABA numbers and ones from the sandbox directory.
        for valid in ["011000015", "021000021", "011411633", "123456780", "091000019", "048356392"] {
            assert!(is_valid_routing_number(valid), "{valid} is valid");
            assert_eq!(check_routing_number(valid).as_deref(), Ok(valid));
        }
        // One digit changed, two digits swapped, wrong length, letters.
        for invalid in ["011000016", "123456789", "012000015", "999999999"] {
            assert!(!is_valid_routing_number(invalid), "{invalid} fails the checksum");
            assert_eq!(check_routing_number(invalid), Err(RoutingNumberError::Checksum), "{invalid}");
        }
        assert_eq!(check_routing_number("01100001"), Err(RoutingNumberError::NotNineDigits));
        assert_eq!(check_routing_number("0110000150"), Err(RoutingNumberError::NotNineDigits));
        assert_eq!(check_routing_number("01100001a"), Err(RoutingNumberError::NotNineDigits));
        assert_eq!(check_routing_number("   "), Err(RoutingNumberError::Empty));
        assert_eq!(check_routing_number(" 0110-00015 ").as_deref(), Ok("011000015"), "spaces and dashes ignored");
        assert!(!is_valid_routing_number("٠١١٠٠٠٠١٥"), "only ASCII digits");
    }

    #[test]
    fn account_numbers_are_4_to_17_digits_typed_twice() {
        assert_eq!(check_account_number("1234 5678", "12345678").as_deref(), Ok("12345678"));
        assert_eq!(check_account_number("", ""), Err(AccountNumberError::Empty));
        assert_eq!(check_account_number("123", "123"), Err(AccountNumberError::Invalid));
        assert_eq!(check_account_number("123456789012345678", "123456789012345678"), Err(AccountNumberError::Invalid));
        assert_eq!(check_account_number("12ab", "12ab"), Err(AccountNumberError::Invalid));
        assert_eq!(check_account_number("123456", "123465"), Err(AccountNumberError::Mismatch));
    }

    #[test]
    fn masked_numbers_keep_the_last_four() {
        assert_eq!(mask_account_number("9876543210").as_deref(), Some("*3210"));
        assert_eq!(mask_account_number("12").as_deref(), Some("*12"));
        assert_eq!(mask_account_number("****1234").as_deref(), Some("*1234"), "an already masked number");
        assert_eq!(mask_account_number(""), None);
    }

    #[test]
    fn amounts_are_read_as_people_write_money() {
        for (typed, cents) in [
            ("0.07", 7),
            (".07", 7),
            ("7", 7),
            ("07", 7),
            ("$0.07", 7),
            ("0,07", 7),
            (" 7¢ ", 7),
            ("0.7", 70),
            (".5", 50),
            ("99", 99),
            ("0.99", 99),
            ("0.01", 1),
        ] {
            assert_eq!(parse_amount_cents(typed), Ok(cents), "{typed:?}");
        }
        assert_eq!(parse_amount_cents(""), Err(AmountError::Empty));
        assert_eq!(parse_amount_cents("  "), Err(AmountError::Empty));
        for typed in ["abc", "0.071", "1.2.3", "-0.07", "0.", "$", "7 cents", "1e2"] {
            assert_eq!(parse_amount_cents(typed), Err(AmountError::NotAnAmount), "{typed:?}");
        }
        for typed in ["0", "0.00", "100", "1.00", "1.5", "9999999"] {
            assert!(
                matches!(parse_amount_cents(typed), Err(AmountError::OutOfRange | AmountError::NotAnAmount)),
                "{typed:?}"
            );
        }
        assert_eq!(parse_amount_cents("100"), Err(AmountError::OutOfRange));
        assert_eq!(parse_amount_cents("0"), Err(AmountError::OutOfRange));
    }

    #[test]
    fn amounts_go_to_the_host_as_two_digit_cents() {
        assert_eq!(amount_for_host(7), "07");
        assert_eq!(amount_for_host(30), "30");
        assert_eq!(amount_for_host(99), "99");
    }

    #[test]
    fn account_types_have_mx_codes() {
        assert_eq!(AccountType::Checking.code(), 1);
        assert_eq!(AccountType::Savings.code(), 2);
        assert_eq!(AccountType::from_code(2), Some(AccountType::Savings));
        assert_eq!(AccountType::from_code(7), None);
    }
}

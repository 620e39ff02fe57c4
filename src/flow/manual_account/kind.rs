//! Manual accounts as data: the account types (MX's numbers), the fields each
//! type asks for, and how typed values are checked and sent. Pure, so every
//! field set and rule is tested natively.

use crate::i18n::Key;

/// MX's account types, by their numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccountType {
    Other = 0,
    Checking = 1,
    Savings = 2,
    Loan = 3,
    CreditCard = 4,
    Investment = 5,
    LineOfCredit = 6,
    Mortgage = 7,
    Property = 8,
    Cash = 9,
    Insurance = 10,
    Prepaid = 11,
    CheckingLineOfCredit = 12,
}

use AccountType::*;

/// The menu without `availableAccountTypes`: MX's default order.
pub const DEFAULT_ACCOUNT_TYPES: [AccountType; 12] = [
    Checking,
    Savings,
    Loan,
    CreditCard,
    Investment,
    LineOfCredit,
    Mortgage,
    Property,
    Cash,
    Insurance,
    Prepaid,
    Other,
];

const ALL: [AccountType; 13] = [
    Other,
    Checking,
    Savings,
    Loan,
    CreditCard,
    Investment,
    LineOfCredit,
    Mortgage,
    Property,
    Cash,
    Insurance,
    Prepaid,
    CheckingLineOfCredit,
];

impl AccountType {
    /// MX's number (`account_type` in `createAccount`).
    pub fn code(self) -> i64 {
        self as i64
    }

    pub fn from_code(code: i64) -> Option<AccountType> {
        ALL.into_iter().find(|t| t.code() == code)
    }

    /// MX's constant name (`CREDIT_CARD`), any case.
    pub fn from_name(name: &str) -> Option<AccountType> {
        let name = name.trim().to_ascii_uppercase().replace([' ', '-'], "_");
        ALL.into_iter().find(|t| t.constant() == name)
    }

    fn constant(self) -> &'static str {
        match self {
            Other => "OTHER",
            Checking => "CHECKING",
            Savings => "SAVINGS",
            Loan => "LOAN",
            CreditCard => "CREDIT_CARD",
            Investment => "INVESTMENT",
            LineOfCredit => "LINE_OF_CREDIT",
            Mortgage => "MORTGAGE",
            Property => "PROPERTY",
            Cash => "CASH",
            Insurance => "INSURANCE",
            Prepaid => "PREPAID",
            CheckingLineOfCredit => "CHECKING_LINE_OF_CREDIT",
        }
    }

    pub fn name_key(self) -> Key {
        match self {
            Other => Key::ManualTypeOther,
            Checking => Key::ManualTypeChecking,
            Savings => Key::ManualTypeSavings,
            Loan => Key::ManualTypeLoan,
            CreditCard => Key::ManualTypeCreditCard,
            Investment => Key::ManualTypeInvestment,
            LineOfCredit => Key::ManualTypeLineOfCredit,
            Mortgage => Key::ManualTypeMortgage,
            Property => Key::ManualTypeProperty,
            Cash => Key::ManualTypeCash,
            Insurance => Key::ManualTypeInsurance,
            Prepaid => Key::ManualTypePrepaid,
            CheckingLineOfCredit => Key::ManualTypeCheckingLineOfCredit,
        }
    }

    /// Money owed: a minimum payment and a due day.
    fn is_liability(self) -> bool {
        matches!(self, CreditCard | Loan | Mortgage | LineOfCredit | CheckingLineOfCredit)
    }

    /// The fields of this type's form, in order (the personal/business choice
    /// comes after them on every form).
    pub fn fields(self) -> Vec<Field> {
        let mut fields = vec![Field::Name, Field::Balance];
        if self == Property {
            fields.push(Field::PropertyType);
        }
        if matches!(self, Savings | Checking | LineOfCredit | CreditCard | Loan | Mortgage) {
            fields.push(Field::InterestRate);
        }
        if self.is_liability() {
            fields.extend([Field::MinimumPayment, Field::PaymentDueDay]);
        }
        if matches!(self, LineOfCredit | CreditCard | CheckingLineOfCredit) {
            fields.push(Field::CreditLimit);
        }
        if matches!(self, Loan | Mortgage) {
            fields.push(Field::OriginalBalance);
        }
        fields
    }
}

/// The kinds of property (`property_type`, sent as "0" to "9").
pub const PROPERTY_TYPES: [Key; 10] = [
    Key::ManualPropertyRealEstate,
    Key::ManualPropertyVehicle,
    Key::ManualPropertyArt,
    Key::ManualPropertyJewelry,
    Key::ManualPropertyFurniture,
    Key::ManualPropertyAppliances,
    Key::ManualPropertyComputer,
    Key::ManualPropertyElectronics,
    Key::ManualPropertySports,
    Key::ManualPropertyOther,
];

/// The largest amount MX accepts.
pub const MAX_AMOUNT: f64 = 999_999_999_999.0;

/// One field of the manual account form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Balance,
    PropertyType,
    InterestRate,
    MinimumPayment,
    PaymentDueDay,
    CreditLimit,
    OriginalBalance,
}

/// How a field is typed and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Text,
    /// An amount of money; `signed` allows a negative value (a balance).
    Amount {
        signed: bool,
    },
    /// A percentage from 0 to 100.
    Percent,
    /// A choice among the property types.
    PropertyType,
    /// A day of the month, 1 to 31.
    Day,
}

/// Why a typed value is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required,
    NotANumber,
    TooLarge,
    Negative,
    OutOfRange,
}

impl FieldError {
    /// The message, with `{label}` for the field's label.
    pub fn message_key(self) -> Key {
        match self {
            FieldError::Required => Key::ManualErrorRequired,
            FieldError::NotANumber => Key::ManualErrorNumber,
            FieldError::TooLarge => Key::ManualErrorTooLarge,
            FieldError::Negative => Key::ManualErrorNegative,
            FieldError::OutOfRange => Key::ManualErrorPercent,
        }
    }
}

impl Field {
    /// The key `createAccount` receives.
    pub fn api_name(self) -> &'static str {
        match self {
            Field::Name => "user_name",
            Field::Balance => "balance",
            Field::PropertyType => "property_type",
            Field::InterestRate => "interest_rate",
            Field::MinimumPayment => "minimum_payment",
            Field::PaymentDueDay => "day_payment_is_due",
            Field::CreditLimit => "credit_limit",
            Field::OriginalBalance => "original_balance",
        }
    }

    pub fn label_key(self) -> Key {
        match self {
            Field::Name => Key::ManualFieldName,
            Field::Balance => Key::ManualFieldBalance,
            Field::PropertyType => Key::ManualFieldPropertyType,
            Field::InterestRate => Key::ManualFieldInterestRate,
            Field::MinimumPayment => Key::ManualFieldMinimumPayment,
            Field::PaymentDueDay => Key::ManualFieldDueDay,
            Field::CreditLimit => Key::ManualFieldCreditLimit,
            Field::OriginalBalance => Key::ManualFieldOriginalBalance,
        }
    }

    pub fn required(self) -> bool {
        matches!(self, Field::Name | Field::PropertyType | Field::PaymentDueDay)
    }

    pub fn input(self) -> Input {
        match self {
            Field::Name => Input::Text,
            Field::Balance => Input::Amount { signed: true },
            Field::MinimumPayment | Field::CreditLimit | Field::OriginalBalance => Input::Amount { signed: false },
            Field::InterestRate => Input::Percent,
            Field::PropertyType => Input::PropertyType,
            Field::PaymentDueDay => Input::Day,
        }
    }

    /// The value to send for what was typed, or why it is refused. An empty
    /// optional field is `Ok(None)`: it is not sent at all.
    pub fn check(self, typed: &str) -> Result<Option<String>, FieldError> {
        let typed = typed.trim();
        if typed.is_empty() {
            return if self.required() { Err(FieldError::Required) } else { Ok(None) };
        }
        match self.input() {
            Input::Text => Ok(Some(typed.to_string())),
            Input::Amount { signed } => {
                let number = parse_number(typed).ok_or(FieldError::NotANumber)?;
                let value: f64 = number.parse().map_err(|_| FieldError::NotANumber)?;
                if !signed && value < 0.0 {
                    Err(FieldError::Negative)
                } else if value.abs() > MAX_AMOUNT {
                    Err(FieldError::TooLarge)
                } else {
                    Ok(Some(number))
                }
            }
            Input::Percent => {
                let number = parse_number(typed.trim_end_matches('%').trim_end()).ok_or(FieldError::NotANumber)?;
                let value: f64 = number.parse().map_err(|_| FieldError::NotANumber)?;
                if (0.0..=100.0).contains(&value) {
                    Ok(Some(number))
                } else {
                    Err(FieldError::OutOfRange)
                }
            }
            Input::PropertyType => match typed.parse::<usize>() {
                Ok(n) if n < PROPERTY_TYPES.len() => Ok(Some(n.to_string())),
                _ => Err(FieldError::Required),
            },
            Input::Day => match typed.parse::<u8>() {
                Ok(day) if (1..=31).contains(&day) => Ok(Some(day.to_string())),
                _ => Err(FieldError::Required),
            },
        }
    }
}

/// A typed number as plain digits with a `.` decimal point (`-1234.5`), or
/// `None`. Accepted: an optional sign and `$`; thousands grouped with `,`, a
/// space or a no-break space; a decimal `.`, or a decimal `,` followed by one
/// or two digits (`12,5` in French, where `1,234` still means one thousand…).
pub fn parse_number(typed: &str) -> Option<String> {
    let mut text = typed.trim().replace(['\u{a0}', '\u{202f}'], " ");
    let negative = text.starts_with('-');
    text = text.trim_start_matches(['-', '+']).trim_start_matches('$').trim().to_string();
    // A decimal comma: one comma, one or two digits after it, no point.
    if let Some((whole, fraction)) = text.rsplit_once(',') {
        let decimal_comma = !text.contains('.')
            && text.matches(',').count() == 1
            && (1..=2).contains(&fraction.len())
            && fraction.bytes().all(|b| b.is_ascii_digit());
        if decimal_comma {
            text = format!("{whole}.{fraction}");
        }
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let groups: Vec<&str> = whole.split([',', ' ']).collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    let valid = grouped_well
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !(text.contains('.') && fraction.is_empty());
    if !valid {
        return None;
    }
    let sign = if negative { "-" } else { "" };
    Some(if fraction.is_empty() { format!("{sign}{digits}") } else { format!("{sign}{digits}.{fraction}") })
}

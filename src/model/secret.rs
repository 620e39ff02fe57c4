//! A value the user typed that must never be shown, logged or emitted.

use std::fmt;

/// Credentials and MFA answers. `Debug` prints a placeholder, there is no
/// `Display`, and the text is only reachable through `expose`, which the host
/// boundary calls when it builds the callback's arguments (and the sandbox,
/// which plays the bank and must read the password to decide the outcome).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_prints_the_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert!(!format!("{:?}", vec![s.clone()]).contains("hunter2"));
        assert_eq!(s.expose(), "hunter2");
    }
}

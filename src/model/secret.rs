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

/// Overwrite `text`'s bytes with zeros and empty it, so a typed credential does
/// not stay readable in wasm memory once nothing needs it (best effort: copies
/// made by the browser, or by a `String` that grew, are out of reach).
pub fn wipe(text: &mut String) {
    let mut bytes = std::mem::take(text).into_bytes();
    bytes.iter_mut().for_each(|b| *b = 0);
    // Keep the zeroing from being optimised away as a dead store.
    std::hint::black_box(&mut bytes);
}

impl Drop for Secret {
    fn drop(&mut self) {
        wipe(&mut self.0);
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

    #[test]
    fn wipe_zeroes_and_empties() {
        let mut text = String::from("hunter2");
        wipe(&mut text);
        assert!(text.is_empty());
    }
}

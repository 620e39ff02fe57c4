//! Built-in sandbox back-end (in progress).

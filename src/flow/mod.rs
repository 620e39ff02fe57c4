//! Pure step machine (in progress).

//! Copy catalogues (in progress).

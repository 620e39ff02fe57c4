//! When a failed request is tried again, and after how long.
//!
//! Only GETs are retried: they read, so sending one twice changes nothing on
//! the back-end. A POST or PUT that failed may still have been carried out
//! (the member created, the MFA answer spent), so the user decides to resend.
//! Only failures that a moment's wait can cure are retried: no answer at all,
//! 408, 429, 502, 503 and 504. A timeout is not: the user has already waited
//! the whole timeout once.

use super::Method;

/// How a request attempt failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// An HTTP answer with an error status, and its `Retry-After` header if any.
    Status { status: u16, retry_after: Option<String> },
    /// No HTTP answer (network down, server unreachable, CORS refusal).
    NoAnswer,
    /// No answer within the timeout.
    TimedOut,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The first retry's delay; each further one doubles it.
    pub base_delay_ms: u32,
    /// No delay is longer: a `Retry-After` above it means "give up now".
    pub max_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_retries: 2, base_delay_ms: 300, max_delay_ms: 5_000 }
    }
}

/// `Retry-After` in seconds (the HTTP-date form is not used by APIs in practice
/// and is ignored), as milliseconds.
fn retry_after_ms(header: &str) -> Option<u32> {
    let seconds: u32 = header.trim().parse().ok()?;
    Some(seconds.saturating_mul(1000))
}

impl RetryPolicy {
    /// How long to wait before retrying a `method` request that failed with
    /// `failure` after `retries_done` retries; `None`: do not retry.
    pub fn delay_before_retry(&self, method: Method, retries_done: u32, failure: &Failure) -> Option<u32> {
        if method != Method::Get || retries_done >= self.max_retries {
            return None;
        }
        let backoff = self.base_delay_ms.saturating_mul(2u32.saturating_pow(retries_done)).min(self.max_delay_ms);
        match failure {
            Failure::NoAnswer => Some(backoff),
            Failure::Status { status: 408 | 429 | 502 | 503 | 504, retry_after } => {
                match retry_after.as_deref().and_then(retry_after_ms) {
                    Some(asked) if asked > self.max_delay_ms => None,
                    Some(asked) => Some(asked.max(backoff)),
                    None => Some(backoff),
                }
            }
            Failure::Status { .. } | Failure::TimedOut => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> Failure {
        Failure::Status { status, retry_after: None }
    }

    #[test]
    fn gets_are_retried_twice_with_a_doubling_delay() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.delay_before_retry(Method::Get, 0, &Failure::NoAnswer), Some(300));
        assert_eq!(policy.delay_before_retry(Method::Get, 1, &Failure::NoAnswer), Some(600));
        assert_eq!(policy.delay_before_retry(Method::Get, 2, &Failure::NoAnswer), None);
        assert_eq!(policy.delay_before_retry(Method::Get, 0, &status(503)), Some(300));
        assert_eq!(policy.delay_before_retry(Method::Get, 1, &status(502)), Some(600));
    }

    #[test]
    fn writes_are_never_retried() {
        let policy = RetryPolicy::default();
        for method in [Method::Post, Method::Put, Method::Delete] {
            for failure in [Failure::NoAnswer, status(503), status(429), Failure::TimedOut] {
                assert_eq!(policy.delay_before_retry(method, 0, &failure), None, "{method:?} {failure:?}");
            }
        }
    }

    #[test]
    fn only_transient_failures_are_retried() {
        let policy = RetryPolicy::default();
        for code in [408, 429, 502, 503, 504] {
            assert!(policy.delay_before_retry(Method::Get, 0, &status(code)).is_some(), "{code}");
        }
        for code in [400, 401, 403, 404, 409, 422, 500, 501] {
            assert_eq!(policy.delay_before_retry(Method::Get, 0, &status(code)), None, "{code}");
        }
        assert_eq!(policy.delay_before_retry(Method::Get, 0, &Failure::TimedOut), None);
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let policy = RetryPolicy::default();
        let asked = |seconds: &str| Failure::Status { status: 429, retry_after: Some(seconds.into()) };
        assert_eq!(policy.delay_before_retry(Method::Get, 0, &asked("2")), Some(2000));
        // Never shorter than the back-off.
        assert_eq!(policy.delay_before_retry(Method::Get, 1, &asked("0")), Some(600));
        // Longer than the cap: give up rather than freeze the step.
        assert_eq!(policy.delay_before_retry(Method::Get, 0, &asked("120")), None);
        // An HTTP-date or garbage is ignored.
        assert_eq!(policy.delay_before_retry(Method::Get, 0, &asked("Wed, 21 Oct 2015 07:28:00 GMT")), Some(300));
    }

    #[test]
    fn the_backoff_is_capped() {
        let policy = RetryPolicy { max_retries: 10, base_delay_ms: 1000, max_delay_ms: 3000 };
        assert_eq!(policy.delay_before_retry(Method::Get, 5, &Failure::NoAnswer), Some(3000));
        assert_eq!(policy.delay_before_retry(Method::Get, 40, &Failure::NoAnswer), None);
        let policy = RetryPolicy { max_retries: 100, ..policy };
        assert_eq!(policy.delay_before_retry(Method::Get, 40, &Failure::NoAnswer), Some(3000), "no overflow");
    }
}

//! Sizes in words: the one way a size limit is told ("This file is 2.01 MB; … up to 2 MB") and
//! the storage meter's figures. A megabyte here is 1,048,576 bytes, as the limits are set.

pub const MEGABYTE: usize = 1024 * 1024;

/// `limit` (a whole number of megabytes, as every limit is) in words: "2 MB".
pub fn megabytes(limit: usize) -> String {
    let whole = limit as f64 / MEGABYTE as f64;
    format!("{} MB", trimmed(whole, 2))
}

/// `bytes`, over `limit`, in megabytes with as many decimals as it takes for the figure to be
/// visibly over the limit: 2.01 MB, never "2.0 MB" for a file refused at 2 MB.
pub fn megabytes_over(bytes: usize, limit: usize) -> String {
    let shown = bytes as f64 / MEGABYTE as f64;
    let cap = limit as f64 / MEGABYTE as f64;
    (1..=7)
        .map(|decimals| format!("{shown:.decimals$}"))
        .find(|s| s.parse::<f64>().is_ok_and(|v| v > cap))
        .map(|s| format!("{s} MB"))
        .unwrap_or_else(|| format!("{bytes} bytes"))
}

/// What refusing `bytes` over `limit` says: "{subject} is 2.01 MB; Claimcheck {takes} up to 2 MB."
pub fn refusal(subject: &str, bytes: usize, limit: usize, takes: &str) -> String {
    format!(
        "{subject} is {}; Claimcheck {takes} up to {}.",
        megabytes_over(bytes, limit),
        megabytes(limit)
    )
}

/// The storage meter's words for `used` of `quota` characters (UTF-16 code units, which is what
/// browsers count). A character of typical text is a byte of it, so the figures are told in
/// megabytes of text, the way the user guide tells the limit: "Storage used: 1.20 MB of about 5 MB (24%)".
pub fn storage_used(used: usize, quota: usize) -> String {
    let percent = (used as f64 / quota as f64 * 100.0).min(100.0);
    format!(
        "Storage used: {:.2} MB of about {} ({percent:.0}%)",
        used as f64 / MEGABYTE as f64,
        megabytes(quota)
    )
}

/// `value` with at most `decimals`, trailing zeros dropped: 2, 2.5.
fn trimmed(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const TWO: usize = 2 * MEGABYTE;
    const FIVE: usize = 5 * MEGABYTE;

    #[test]
    fn a_refused_size_is_always_shown_over_its_limit() {
        assert_eq!(megabytes(TWO), "2 MB");
        assert_eq!(megabytes_over(TWO + 1, TWO), "2.000001 MB");
        assert_eq!(megabytes_over(TWO + 10_486, TWO), "2.01 MB");
        assert_eq!(megabytes_over(TWO + MEGABYTE / 2, TWO), "2.5 MB");
        assert_eq!(megabytes_over(6 * MEGABYTE + 100 * 1024, FIVE), "6.1 MB");
        for over in [1, 2, 100, 1000, 10_000, 50_000, 104_857, 104_858] {
            for limit in [TWO, FIVE] {
                let shown = megabytes_over(limit + over, limit);
                let figure: f64 = shown.trim_end_matches(" MB").parse().unwrap();
                assert!(figure > (limit / MEGABYTE) as f64, "{shown} for {over}");
            }
        }
        assert_eq!(
            refusal("This file", TWO + 10_486, TWO, "opens articles"),
            "This file is 2.01 MB; Claimcheck opens articles up to 2 MB."
        );
    }

    #[test]
    fn the_meter_tells_the_quota_as_readme_does() {
        assert_eq!(
            storage_used(0, FIVE),
            "Storage used: 0.00 MB of about 5 MB (0%)"
        );
        assert_eq!(
            storage_used(FIVE / 4, FIVE),
            "Storage used: 1.25 MB of about 5 MB (25%)"
        );
        assert_eq!(
            storage_used(FIVE * 2, FIVE),
            "Storage used: 10.00 MB of about 5 MB (100%)"
        );
    }
}

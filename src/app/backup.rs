//! Keeping the data: when to remind the user to back up the library. Browsers may clear a
//! site's storage (Safari after 7 days without a visit, any browser when space runs low unless
//! storage is persistent), and a Claimcheck JSON of the library is the copy that survives that.
//! The browser edge (`web::persistence`) records when the last export was and asks for
//! persistent storage; this module decides what the user is told.

/// Where the time of the last export (any Export, or a library backup) is kept, in
/// milliseconds since 1970; first set when there are claims and no export yet, so the reminder
/// counts from the first claim.
pub const LAST_BACKUP_KEY: &str = "claimcheck:last-backup";
/// Set once persistent storage has been asked for, so it is asked once.
pub const PERSISTENCE_ASKED_KEY: &str = "claimcheck:persistence-asked";

/// Past this many days without an export, there is a reminder: Safari's 7 days.
pub const BACKUP_AFTER_DAYS: f64 = 7.0;
const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Whether to remind the user to back up: there are claims, and the last export (or the first
/// claim, when nothing was exported) is more than [`BACKUP_AFTER_DAYS`] ago. An unknown time
/// is no reason to nag; a time in the future (a clock set back) is not either.
pub fn backup_due(has_claims: bool, last_backup_ms: Option<f64>, now_ms: f64) -> bool {
    has_claims && last_backup_ms.is_some_and(|last| now_ms - last > BACKUP_AFTER_DAYS * DAY_MS)
}

/// The reminder's words.
pub const BACKUP_REMINDER: &str = "Your claims have not been backed up for over 7 days. \
    Browsers may clear a site's data (Safari after 7 days without a visit): keep a copy of the library.";

/// What the Library tells about the browser keeping its data: `persisted` is
/// `navigator.storage.persisted()`, or `None` when the browser cannot say.
pub fn persistence_text(persisted: Option<bool>) -> &'static str {
    match persisted {
        Some(true) => "This browser keeps Claimcheck's data until you delete it (persistent storage).",
        Some(false) => "This browser may clear Claimcheck's data when space runs low or after a while without a visit: back up the library now and then.",
        None => "This browser does not say whether it keeps Claimcheck's data: back up the library now and then.",
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const NOW: f64 = 1_800_000_000_000.0;

    #[test]
    fn a_backup_is_due_after_seven_days_with_claims() {
        let days_ago = |d: f64| Some(NOW - d * DAY_MS);
        assert!(backup_due(true, days_ago(7.5), NOW));
        assert!(backup_due(true, days_ago(30.0), NOW));
        assert!(!backup_due(true, days_ago(6.9), NOW));
        assert!(!backup_due(true, days_ago(7.0), NOW));
        assert!(
            !backup_due(false, days_ago(30.0), NOW),
            "no claims, nothing to lose"
        );
        assert!(
            !backup_due(true, None, NOW),
            "the clock starts at the first claim"
        );
        assert!(!backup_due(true, days_ago(-3.0), NOW), "a clock set back");
    }

    #[test]
    fn the_library_says_whether_the_data_is_kept() {
        assert!(persistence_text(Some(true)).contains("persistent storage"));
        assert!(persistence_text(Some(false)).contains("may clear"));
        assert!(persistence_text(None).contains("does not say"));
    }
}

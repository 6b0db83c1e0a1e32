//! Lasting warnings: saving is failing, stored data could not be read (and was kept), or the
//! work has not been backed up for a while.

use yew::prelude::*;

use crate::app::backup::BACKUP_REMINDER;
use crate::app::notices::StorageHealth;

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub storage: StorageHealth,
    /// Problems found in stored data, shown until dismissed.
    pub warnings: Vec<String>,
    /// Whether stored data Claimcheck could not read was kept aside (and can be downloaded).
    pub kept_data: bool,
    pub on_download_kept_data: Callback<()>,
    /// Dismisses the warning at this place in the list.
    pub on_dismiss_warning: Callback<usize>,
    /// There are claims and no export for over a week (`app::backup::backup_due`).
    pub backup_due: bool,
    pub on_backup: Callback<()>,
}

#[function_component(Banners)]
pub fn banners(props: &BannersProps) -> Html {
    let on_download = props.on_download_kept_data.reform(|_: MouseEvent| ());
    // "Not now" hides the reminder until the next visit; it never blocks the work.
    let later = use_state(|| false);
    let not_now = {
        let later = later.clone();
        Callback::from(move |_: MouseEvent| later.set(true))
    };
    html! {
        <div class="banners">
            if props.backup_due && !*later {
                <div class="banner banner-warning backup-reminder" role="status">
                    <span>{ BACKUP_REMINDER }</span>
                    <button type="button" class="primary" onclick={props.on_backup.reform(|_: MouseEvent| ())}>{ "Back up library" }</button>
                    <button type="button" onclick={not_now}>{ "Not now" }</button>
                </div>
            }
            if let StorageHealth::Failing(message) = &props.storage {
                <div class="banner banner-error" role="alert">
                    <strong>{ "Not saved. " }</strong>{ message.clone() }
                </div>
            }
            { for props.warnings.iter().enumerate().map(|(i, w)| {
                let on_dismiss = props.on_dismiss_warning.clone();
                html! {
                    <div class="banner banner-warning" role="alert">
                        <span>{ w.clone() }</span>
                        if props.kept_data {
                            <button type="button" onclick={on_download.clone()}>{ "Download kept data" }</button>
                        }
                        <button type="button" onclick={Callback::from(move |_: MouseEvent| on_dismiss.emit(i))}>
                            { "Dismiss" }
                        </button>
                    </div>
                }
            }) }
        </div>
    }
}

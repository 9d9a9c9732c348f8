//! Citizens' reports through real HTTP on the production listener: the
//! form and its foot link, what is kept, the caps and limits, the field
//! bots fill, the Origin check, the office's inbox, the CSV, retention.

mod form;
mod inbox;
mod limits;

use crate::staff::Browser;
use crate::support::Reply;

/// Sends a report from the form of `lang` about `page`.
pub async fn report(
    browser: &mut Browser,
    lang: &str,
    page: &str,
    category: &str,
    text: &str,
    contact: &str,
) -> Reply {
    browser
        .post(
            &format!("/{lang}/feedback"),
            &[
                ("page", page),
                ("category", category),
                ("text", text),
                ("contact", contact),
                ("fb_site", ""),
            ],
        )
        .await
}

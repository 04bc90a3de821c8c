//! How the page was asked to behave, from its address: `?kiosk` turns the
//! kiosk on (as does kiosk.html), `idle` and `countdown` set the inactivity
//! reset in seconds, `share` the public address the QR code points to.

/// Seconds without a touch before the kiosk offers to reset.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// Seconds the "still reading?" countdown lasts (WCAG 2.2.1 asks for 20+).
pub const DEFAULT_COUNTDOWN_SECONDS: u32 = 30;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSettings {
    pub kiosk: bool,
    pub idle_seconds: u32,
    pub countdown_seconds: u32,
    /// Where the QR code sends a phone: this address plus the route.
    pub share_base: Option<String>,
}

impl PageSettings {
    /// Reads a query string such as `?kiosk&idle=120&countdown=30`.
    /// Values that are not positive whole numbers keep their defaults.
    pub fn from_query(query: &str, kiosk_page: bool) -> PageSettings {
        let mut settings = PageSettings {
            kiosk: kiosk_page,
            idle_seconds: DEFAULT_IDLE_SECONDS,
            countdown_seconds: DEFAULT_COUNTDOWN_SECONDS,
            share_base: None,
        };
        let seconds = |value: &str| value.parse::<u32>().ok().filter(|&s| s > 0);
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "kiosk" => settings.kiosk = true,
                "idle" => {
                    if let Some(s) = seconds(value) {
                        settings.idle_seconds = s;
                    }
                }
                "countdown" => {
                    if let Some(s) = seconds(value) {
                        settings.countdown_seconds = s;
                    }
                }
                "share" => settings.share_base = percent_decode(value).filter(|v| !v.is_empty()),
                _ => {}
            }
        }
        settings
    }
}

/// Decodes `%XX` escapes and `+`; `None` when the result is not UTF-8.
pub(super) fn percent_decode(value: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(value.len());
    let mut rest = value.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex: Vec<u8> = rest.by_ref().take(2).collect();
                let decoded = std::str::from_utf8(&hex)
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())?;
                bytes.push(decoded);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_parameters() {
        let settings = PageSettings::from_query("", false);
        assert!(!settings.kiosk);
        assert_eq!(settings.idle_seconds, 90);
        assert_eq!(settings.countdown_seconds, 30);
        assert_eq!(settings.share_base, None);
    }

    #[test]
    fn reads_kiosk_timings_and_share_address() {
        let settings = PageSettings::from_query(
            "?kiosk&idle=5&countdown=3&share=https%3A%2F%2Fpharmacy.example%2Fmedicines%2F",
            false,
        );
        assert!(settings.kiosk);
        assert_eq!(settings.idle_seconds, 5);
        assert_eq!(settings.countdown_seconds, 3);
        assert_eq!(
            settings.share_base.as_deref(),
            Some("https://pharmacy.example/medicines/")
        );
    }

    #[test]
    fn ignores_values_that_are_not_positive_numbers() {
        let settings = PageSettings::from_query("idle=0&countdown=soon", true);
        assert!(settings.kiosk);
        assert_eq!(settings.idle_seconds, 90);
        assert_eq!(settings.countdown_seconds, 30);
    }
}

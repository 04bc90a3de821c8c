use yew::prelude::*;

/// The level of the widget's title heading, 1 to 6, so the widget fits the
/// host page's outline. It is clamped once, where it is made: a level out
/// of range (0, 9, 300) becomes the nearest real heading, and nothing that
/// receives a `HeadingLevel` checks it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl HeadingLevel {
    /// `<h1>`, for a widget that is the page's main content.
    pub const TOP: HeadingLevel = HeadingLevel(1);

    /// Any number, as the page wrote it; not a number means the top level.
    pub fn new(level: f64) -> HeadingLevel {
        if level >= 6.0 {
            HeadingLevel(6)
        } else if level > 1.0 {
            // Truncated, as `parseInt` reads "2.5".
            HeadingLevel(level as u8)
        } else {
            HeadingLevel::TOP
        }
    }

    /// The level for headings under this one; past 6 it stays at 6,
    /// because HTML has no deeper heading.
    pub fn below(self) -> HeadingLevel {
        HeadingLevel((self.0 + 1).min(6))
    }
}

impl Default for HeadingLevel {
    fn default() -> HeadingLevel {
        HeadingLevel::TOP
    }
}

impl From<u8> for HeadingLevel {
    fn from(level: u8) -> HeadingLevel {
        HeadingLevel::new(level.into())
    }
}

/// A heading at `level`.
pub fn heading(
    level: HeadingLevel,
    class: &'static str,
    id: Option<String>,
    content: Html,
) -> Html {
    let tag = format!("h{}", level.0);
    html! { <@{tag} class={class} id={id}>{ content }</@> }
}

#[cfg(test)]
mod tests {
    use super::HeadingLevel;

    #[test]
    fn out_of_range_levels_become_the_nearest_heading() {
        for (given, level) in [
            (f64::NAN, 1),
            (-3.0, 1),
            (0.0, 1),
            (1.0, 1),
            (2.5, 2),
            (6.0, 6),
            (300.0, 6),
            (f64::INFINITY, 6),
        ] {
            assert_eq!(HeadingLevel::new(given), HeadingLevel(level), "{given}");
        }
        assert_eq!(HeadingLevel::from(255), HeadingLevel(6));
    }

    #[test]
    fn headings_below_stop_at_h6() {
        assert_eq!(HeadingLevel(2).below(), HeadingLevel(3));
        assert_eq!(HeadingLevel(6).below(), HeadingLevel(6));
    }
}

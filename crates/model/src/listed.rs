//! Usage, Dosage and How it works share one shape under names of their own:
//! an introduction (`intro`), a list of items, and an optional closing
//! paragraph. Code that handles the shape (validation, the walk over the
//! content) is written once, against [`Listed`].

use crate::{Dosage, HowItWorks, Item, RichText, Usage};

pub trait Listed: Sized {
    /// The JSON name of the list: `conditions`, `actions`.
    const ITEMS: &'static str;
    /// The JSON name of the closing paragraph: `note`, `adjustment`, `summary`.
    const CLOSING: &'static str;

    fn from_parts(intro: RichText, items: Vec<Item>, closing: Option<RichText>) -> Self;

    fn parts(&self) -> (&RichText, &[Item], Option<&RichText>);

    fn parts_mut(&mut self) -> (&mut RichText, &mut [Item], Option<&mut RichText>);
}

/// The names come from the fields themselves, so they are the ones serde
/// writes; the struct is destructured in full, so a field added to it does
/// not compile until the shape accounts for it.
macro_rules! listed {
    ($section:ident { $items:ident, $closing:ident }) => {
        impl Listed for $section {
            const ITEMS: &'static str = stringify!($items);
            const CLOSING: &'static str = stringify!($closing);

            fn from_parts(intro: RichText, items: Vec<Item>, closing: Option<RichText>) -> Self {
                $section {
                    intro,
                    $items: items,
                    $closing: closing,
                }
            }

            fn parts(&self) -> (&RichText, &[Item], Option<&RichText>) {
                let $section {
                    intro,
                    $items,
                    $closing,
                } = self;
                (intro, $items, $closing.as_ref())
            }

            fn parts_mut(&mut self) -> (&mut RichText, &mut [Item], Option<&mut RichText>) {
                let $section {
                    intro,
                    $items,
                    $closing,
                } = self;
                (intro, $items, $closing.as_mut())
            }
        }
    };
}

listed!(Usage { conditions, note });
listed!(Dosage {
    conditions,
    adjustment
});
listed!(HowItWorks { actions, summary });

//! Hooks shared by the widget and the standalone page.

mod use_load;

pub use use_load::{use_load, Load, Loader};

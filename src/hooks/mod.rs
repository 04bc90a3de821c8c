//! Hooks shared by the widget and the standalone page.

mod use_first_paint;
mod use_load;

pub use use_first_paint::use_first_paint;
pub use use_load::{use_load, Load, Loader};

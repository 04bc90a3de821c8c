//! A patient-education drug monograph widget: loads one monograph JSON and
//! shows it as accessible tabbed panels, with the disclaimer always in view.
//!
//! Entry points from JavaScript: [`embed`] (the `<drug-monograph>`
//! element) and, with the `page` feature, [`standalone`] (the catalog,
//! monograph pages and kiosk). With the `ssr` feature, [`prerender`]
//! renders the same components natively into the HTML they hydrate.

mod after_paint;
#[cfg(feature = "page")]
mod browser;
pub mod components;
mod deadline;
pub mod direction;
pub mod embed;
pub mod error;
pub mod events;
mod fetch;
mod health;
pub mod hooks;
mod js_value;
mod mounted;
#[cfg(feature = "page")]
pub mod page;
mod panic;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod reading;
mod request;
mod requests;
#[cfg(feature = "page")]
pub mod standalone;
pub mod strings;

/// The data model the widget shows, from its own crate (shared with the
/// content tools).
pub use monograph_model as model;

pub use embed::{mount, Widget};
#[cfg(feature = "page")]
pub use standalone::{mount_page, Page};

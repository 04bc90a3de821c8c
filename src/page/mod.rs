//! The standalone page and the clinic kiosk: a catalog of monographs with
//! routes in the address, text size, language, print, and for the kiosk an
//! inactivity reset, a QR code to take the page home, and read-aloud.
//! Compiled only with the `page` feature, so the embeddable widget stays small.

mod address;
mod app;
mod catalog;
mod code_lookup;
mod code_request;
mod idle;
mod kiosk_guards;
mod monograph_page;
mod read_aloud;
pub mod route;
pub mod search;
pub mod settings;
mod start;
mod state;
mod storage;
pub mod take_home;
mod toolbar;

pub use app::{PageApp, PageAppProps};
pub use catalog::{CatalogView, CatalogViewProps};
pub use settings::PageSettings;
pub use start::{monograph_path, root_of, Start};

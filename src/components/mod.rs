//! The widget's Yew components. `MonographView` and everything under it are
//! pure (props in, HTML out); `MonographApp` owns loading and the address.

mod announcer;
mod failure;
mod heading;
mod key_facts;
mod loading;
mod monograph_app;
mod monograph_by_code;
mod monograph_view;
mod panel;
mod panels;
mod rich_text;
mod stale;
mod tab_choice;
mod tab_list;

pub use announcer::{Announcer, AnnouncerProps};
pub use failure::{Failure, FailureProps};
pub use heading::HeadingLevel;
pub use loading::Loading;
pub use monograph_app::{
    next_id_prefix, use_load_message, MonographApp, MonographAppProps, PRERENDERED_ID_PREFIX,
};
pub use monograph_by_code::{MonographByCode, MonographByCodeProps};
pub use monograph_view::{MonographView, MonographViewProps};
pub use stale::Stale;
pub use tab_list::{TabList, TabListProps};

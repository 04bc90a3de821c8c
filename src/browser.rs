//! The browser window, where there is one. Components also render natively
//! (pre-rendering, tests), where the web APIs do not exist; reading them
//! through here makes such a render see "no browser" instead of failing.

pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

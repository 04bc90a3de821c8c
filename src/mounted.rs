//! A Yew app in an element: rendered afresh or hydrated, updated, torn
//! down. While it is mounted, a crash replaces it with a message in its
//! interface language (see `panic`).

use crate::panic;
use crate::strings::Strings;
use yew::{AppHandle, BaseComponent};

pub struct Mounted<C: BaseComponent> {
    app: Option<AppHandle<C>>,
    root: web_sys::Element,
}

impl<C: BaseComponent> Mounted<C> {
    /// Renders `C` into `root`, replacing what is there; a crash shows its
    /// message in `strings`.
    pub fn render(root: web_sys::Element, props: C::Properties, strings: &'static Strings) -> Self {
        Self::start(root, strings, |root| {
            yew::Renderer::<C>::with_root_and_props(root, props).render()
        })
    }

    /// Takes over `root`'s pre-rendered HTML, keeping its elements. `props`
    /// must be those it was rendered with: hydration keeps the elements
    /// and their text and only sets the attributes the first render has, so
    /// that render must be the server's own (see `embed::hydrate`).
    #[cfg(feature = "hydration")]
    pub fn hydrate(
        root: web_sys::Element,
        props: C::Properties,
        strings: &'static Strings,
    ) -> Self {
        Self::start(root, strings, |root| {
            yew::Renderer::<C>::with_root_and_props(root, props).hydrate()
        })
    }

    /// Registers `root` for the crash message before `app` starts in it,
    /// so that a crash while starting is shown too.
    fn start(
        root: web_sys::Element,
        strings: &'static Strings,
        app: impl FnOnce(web_sys::Element) -> AppHandle<C>,
    ) -> Self {
        panic::install();
        panic::remember_root(&root, strings);
        Mounted {
            app: Some(app(root.clone())),
            root,
        }
    }

    /// Re-renders with new props; a crash then speaks their language.
    pub fn update(&mut self, props: C::Properties, strings: &'static Strings) {
        if let Some(app) = self.app.as_mut() {
            panic::remember_root(&self.root, strings);
            app.update(props);
        }
    }

    /// Unmounts the app and frees its memory; calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            panic::forget_root(&self.root);
        }
    }
}

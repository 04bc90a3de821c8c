use yew::prelude::*;

/// Whether the component's first render is on screen: false for that
/// render, true from the one after its frame is painted. A widget builds
/// what cannot be seen yet (closed panels) only then, so a page of many
/// widgets shows each one's open panel sooner.
///
/// Always true where the first render must hold everything: pre-rendering
/// (native), and the builds that hydrate, whose first render must match the
/// pre-rendered HTML.
#[cfg(all(target_arch = "wasm32", not(feature = "hydration")))]
#[hook]
pub fn use_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    let setter = painted.setter();
    use_effect_with((), move |_| {
        // Dropped, and so cancelled, if the component goes first.
        let frame = crate::after_paint::after_paint(move || setter.set(true));
        move || drop(frame)
    });
    *painted
}

#[cfg(not(all(target_arch = "wasm32", not(feature = "hydration"))))]
#[hook]
pub fn use_first_paint() -> bool {
    true
}

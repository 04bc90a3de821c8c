//! Work that must not delay the frame a change shows in: a task after that
//! frame. An animation frame callback alone runs before the frame is drawn;
//! a task queued from it runs once the frame is out.

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;

/// Calls `work` after the next frame is painted. Dropping the returned
/// frame before it comes cancels the call.
pub fn after_paint(work: impl FnOnce() + 'static) -> AnimationFrame {
    request_animation_frame(move |_| {
        Timeout::new(0, work).forget();
    })
}

//! Whether this wasm instance can still run widgets. The embed's loader asks
//! after any error on the page, and starts a fresh instance when the answer
//! is no (or when asking traps).
//!
//! Three ways an instance dies: a panic (it ends in a trap, and leaves the
//! widgets' state half changed); a stack overflow (the stack pointer has
//! left memory, so any call traps); and a JavaScript exception thrown
//! through the wasm, such as a host page's replacement of a browser
//! function throwing, which skips every frame's epilogue. All three leave
//! the stack pointer below where a call from JavaScript finds it.

use std::cell::Cell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Where a local of `healthy` sits when it is called straight from
    /// JavaScript on a sound instance: the first call records it.
    static PROBE_AT: Cell<usize> = const { Cell::new(0) };
}

/// `true` while the instance is sound. Call it first right after the
/// instance starts, and later only from JavaScript with no wasm running
/// (not from inside an event the widget dispatches).
#[wasm_bindgen]
pub fn healthy() -> bool {
    let probe = [0u8; 16];
    // Kept in memory, on the stack: a stack that is gone traps here.
    let here = std::hint::black_box(&probe).as_ptr() as usize;
    let expected = PROBE_AT.with(|at| {
        if at.get() == 0 {
            at.set(here);
        }
        at.get()
    });
    here == expected && !crate::panic::happened()
}

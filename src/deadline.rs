//! A time limit that holds whatever the work does: it is a timer of its
//! own, not an abort the work must honour. A host page's `fetch` wrapper
//! that ignores its AbortSignal, or a promise that never settles, still
//! ends at the limit.

use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// `work`'s output, or `None` when `millis` pass first; the work is then
/// dropped. Dropping the returned future cancels the timer.
pub fn within<F: Future>(millis: u32, work: F) -> Within<F> {
    let expired = Rc::new(Cell::new(false));
    let waker: Rc<RefCell<Option<Waker>>> = Rc::default();
    let timer = {
        let (expired, waker) = (expired.clone(), waker.clone());
        Timeout::new(millis, move || {
            expired.set(true);
            if let Some(waker) = waker.borrow_mut().take() {
                waker.wake();
            }
        })
    };
    Within {
        work: Box::pin(work),
        expired,
        waker,
        _timer: timer,
    }
}

pub struct Within<F> {
    work: Pin<Box<F>>,
    expired: Rc<Cell<bool>>,
    waker: Rc<RefCell<Option<Waker>>>,
    _timer: Timeout,
}

impl<F: Future> Future for Within<F> {
    type Output = Option<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(output) = self.work.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        if self.expired.get() {
            return Poll::Ready(None);
        }
        *self.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

//! A panic inside a library that evaluates what an input or a policy says
//! (hcl-rs' arithmetic, a regorus builtin) ends that one evaluation, not the
//! scan: the caller reports it like any other failed evaluation.

use std::cell::Cell;
use std::sync::Once;

thread_local!(static QUIET: Cell<usize> = const { Cell::new(0) });

/// Run `f`; a panic inside it is caught and returned as its message, without
/// the default hook printing it (a panic elsewhere is still printed).
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(q.get() + 1));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(q.get() - 1));
    r.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(super::quietly(|| 1), Ok(1));
        let r: Result<(), String> = super::quietly(|| panic!("boom {}", 1));
        assert_eq!(r, Err("boom 1".to_string()));
    }
}

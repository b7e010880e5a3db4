//! The self-check page's validator: kinbench's own reading and validation of one
//! return ([`kinbench::validate::validate_return`]) behind a raw C interface, so
//! the page needs no JavaScript glue generator. Every call takes UTF-8 or file
//! bytes the page copied into memory from [`kb_alloc`], and leaves its answer,
//! JSON, in a buffer read with [`kb_result_ptr`] and [`kb_result_len`].
//!
//! A panic cannot be caught in WebAssembly: the panic hook keeps its message, the
//! page sees the trap, starts a fresh instance and asks it for the file finding
//! of a malformed file ([`kb_malformed`]), worded as the native reader words it.

mod answer;

use std::cell::RefCell;

pub use answer::Page;

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
    static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Memory for `len` bytes, for the page to copy input into; freed by [`kb_free`].
#[no_mangle]
pub extern "C" fn kb_alloc(len: usize) -> *mut u8 {
    let mut buf = Vec::<u8>::with_capacity(len.max(1));
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// # Safety
/// `ptr` and `len` must be those of one earlier [`kb_alloc`].
#[no_mangle]
pub unsafe extern "C" fn kb_free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
}

#[no_mangle]
pub extern "C" fn kb_result_ptr() -> *const u8 {
    RESULT.with(|r| r.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn kb_result_len() -> usize {
    RESULT.with(|r| r.borrow().len())
}

/// The message of the last panic, for [`kb_malformed`] after a trap.
#[no_mangle]
pub extern "C" fn kb_panic_ptr() -> *const u8 {
    PANIC.with(|p| p.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn kb_panic_len() -> usize {
    PANIC.with(|p| p.borrow().len())
}

/// Sets the page up from its [`Setup`] JSON (schema texts, region): 1 when done,
/// 0 when not, the answer then `{"error": ...}`.
///
/// # Safety
/// `ptr..ptr+len` must be memory from [`kb_alloc`] holding UTF-8.
#[no_mangle]
pub unsafe extern "C" fn kb_init(ptr: *const u8, len: usize) -> u32 {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown fault".into());
        PANIC.with(|p| *p.borrow_mut() = what);
    }));
    let text = String::from_utf8_lossy(bytes(ptr, len)).into_owned();
    match Page::new(&text) {
        Ok(page) => {
            answer(page.about());
            PAGE.with(|p| *p.borrow_mut() = Some(page));
            1
        }
        Err(e) => {
            answer(serde_json::json!({ "error": e }).to_string());
            0
        }
    }
}

/// Before reading a file: its type and size. 1 when it may be read, else 0 with
/// the file finding as the answer.
///
/// # Safety
/// `name_ptr..+name_len` must be memory from [`kb_alloc`] holding UTF-8.
#[no_mangle]
pub unsafe extern "C" fn kb_precheck(name_ptr: *const u8, name_len: usize, size: f64) -> u32 {
    let name = String::from_utf8_lossy(bytes(name_ptr, name_len)).into_owned();
    with_page(|page| match page.precheck(&name, size as u64) {
        None => (String::new(), 1),
        Some(refused) => (refused, 0),
    })
}

/// Validates one file: the answer is the page's view of it.
///
/// # Safety
/// Both ranges must be memory from [`kb_alloc`]; the name UTF-8.
#[no_mangle]
pub unsafe extern "C" fn kb_validate(
    name_ptr: *const u8,
    name_len: usize,
    ptr: *const u8,
    len: usize,
) -> u32 {
    let name = String::from_utf8_lossy(bytes(name_ptr, name_len)).into_owned();
    let data = bytes(ptr, len);
    with_page(|page| (page.validate(&name, data), 1))
}

/// The answer for a file whose reading trapped, with the panic's message.
///
/// # Safety
/// Both ranges must be memory from [`kb_alloc`] holding UTF-8.
#[no_mangle]
pub unsafe extern "C" fn kb_malformed(
    name_ptr: *const u8,
    name_len: usize,
    what_ptr: *const u8,
    what_len: usize,
) -> u32 {
    let name = String::from_utf8_lossy(bytes(name_ptr, name_len)).into_owned();
    let what = String::from_utf8_lossy(bytes(what_ptr, what_len)).into_owned();
    with_page(|page| (page.malformed(&name, &what), 1))
}

unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(ptr, len)
    }
}

fn with_page(f: impl FnOnce(&Page) -> (String, u32)) -> u32 {
    let done = PAGE.with(|p| p.borrow().as_ref().map(f));
    match done {
        Some((text, code)) => {
            answer(text);
            code
        }
        None => {
            answer(r#"{"error":"the page was not set up"}"#.to_string());
            0
        }
    }
}

fn answer(text: String) {
    RESULT.with(|r| *r.borrow_mut() = text.into_bytes());
}

//! A return read from arbitrary bytes, in every format the reader accepts, then
//! located and validated as `validate` would: any panic or hang is a bug.
#![no_main]

use std::sync::{Once, OnceLock};

use kinbench::ingest::{self, Limits};
use kinbench::schema::Schema;
use kinbench::validate;
use libfuzzer_sys::fuzz_target;

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| Schema::bundled().expect("the bundled schema loads"))
}

/// libfuzzer-sys's panic hook aborts at the panic itself, before the unwind reaches
/// the reader's own `catch_unwind` around calamine (which turns a calamine panic on a
/// damaged file into FILE002). Keep the default hook's message but not the abort: a
/// panic kinbench does not catch still reaches libfuzzer-sys's `catch_unwind`, which
/// aborts, so it is still a crash.
fn tolerate_caught_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let _ = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| eprintln!("caught by the reader: {info}")));
    });
}

fuzz_target!(|data: &[u8]| {
    tolerate_caught_panics();
    // The first byte picks the name the bytes arrive under; the reader sniffs the
    // content, so every format is reachable from any seed.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["return.xlsx", "return.xlsm", "return.xls", "return.ods"][pick as usize % 4];
    let limits = Limits::default();
    let Ok(book) = ingest::open_bytes(name, bytes, &limits) else {
        return;
    };
    if let Ok(located) = ingest::locate(&book, schema()) {
        let opts = validate::Options {
            region: schema().las.all().to_vec(),
            region_name: "fuzz".into(),
            limits,
        };
        let _ = validate::validate_located(schema(), name, &located, &opts);
    }
});

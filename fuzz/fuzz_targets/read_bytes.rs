//! A return read from arbitrary bytes, in every format the reader accepts, then
//! located and validated as `validate` would: any panic or hang is a bug.
#![no_main]

use std::sync::OnceLock;

use kinbench::ingest::{self, Limits};
use kinbench::schema::Schema;
use kinbench::validate;
use libfuzzer_sys::fuzz_target;

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| Schema::bundled().expect("the bundled schema loads"))
}

fuzz_target!(|data: &[u8]| {
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

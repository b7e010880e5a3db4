//! Writing a rendered chart next to its siblings in the chart pack.

use super::Rendered;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `<stem>.svg` and `<stem>.png` in `dir`, each through a temporary
/// file renamed into place, so a reader never sees half a chart. Not synced to
/// disk one by one: a run's folder is put in place whole (`report::output`),
/// and a sync for each of the pack's 68 files was a tenth of a regional run.
pub fn write(rendered: &Rendered, dir: &Path, stem: &str) -> io::Result<()> {
    write_atomic(dir, &format!("{stem}.svg"), rendered.svg.as_bytes())?;
    write_atomic(dir, &format!("{stem}.png"), &rendered.png)
}

fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let tmp = dir.join(format!(".{name}.tmp"));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = fs::remove_file(&tmp);
    }
    result
}

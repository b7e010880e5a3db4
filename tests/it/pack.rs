//! The chart pack and LA profiles, read back from the files written: SVG
//! text, PNG pixels, the HTML page and the feedback workbook.

mod fixture;

use kinbench::report::Presenter;

#[test]
fn dump_sample_pack() {
    let dir = fixture::write_sample_pack(&Presenter::internal());
    let keep = std::path::Path::new("/tmp/pack_out");
    let _ = std::fs::remove_dir_all(keep);
    std::fs::create_dir_all(keep.join("charts")).unwrap();
    for e in std::fs::read_dir(dir.path().join("charts")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), keep.join("charts").join(e.file_name())).unwrap();
    }
    std::fs::copy(
        dir.path().join("chart_pack.html"),
        keep.join("chart_pack.html"),
    )
    .unwrap();
}

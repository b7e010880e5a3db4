//! What a person watching sees on stderr: each step as it starts, and a bar
//! over the files of a long phase (reading the returns, writing the feedback).
//! Nothing when stderr is not a terminal: logs and CI get the summary alone.

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kinbench::pipeline::Watch;
use kinbench::text_safety::visible;

/// A phase of more files than this gets a bar: a region's few dozen are done
/// before a bar would tell anyone anything.
const BAR_FROM: usize = 200;

/// Steps and bars on stderr, when it is a terminal.
pub(super) struct Terminal {
    shown: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl Terminal {
    pub(super) fn stderr() -> Terminal {
        Terminal {
            shown: std::io::stderr().is_terminal(),
            bar: Mutex::new(None),
        }
    }

    /// Clears the bar of the phase that ended, if one is shown.
    pub(super) fn finish(&self) {
        let bar = self.bar.lock().ok().and_then(|mut slot| slot.take());
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
    }
}

impl Watch for Terminal {
    fn step(&self, message: &str) {
        if self.shown {
            self.finish();
            eprintln!("kinbench: {}", visible(message));
        }
    }

    fn files(&self, total: usize) {
        if !self.shown || total <= BAR_FROM {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("  {bar:40} {pos}/{len} files ({elapsed})")
        {
            bar.set_style(style);
        }
        let old = self.bar.lock().ok().and_then(|mut slot| slot.replace(bar));
        if let Some(old) = old {
            old.finish_and_clear();
        }
    }

    fn file_done(&self) {
        if let Ok(slot) = self.bar.lock() {
            if let Some(bar) = slot.as_ref() {
                bar.inc(1);
            }
        }
    }
}

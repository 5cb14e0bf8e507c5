//! `caucus serve`: open the index once (building it from `corpus/` first when it is
//! missing), start the read-only web server, print its address, and stop cleanly on
//! Ctrl-C.

use super::{Context, Outcome};
use crate::cli::ServeArgs;
use crate::output;
use crate::serve::{self, State};
use anyhow::{Context as _, Result};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

/// SIGINT and SIGTERM, blocked in every thread so that one thread can wait for them.
struct StopSignals(libc::sigset_t);

impl StopSignals {
    /// Blocks the stop signals in this thread and every thread it starts afterwards.
    fn block() -> Option<StopSignals> {
        // SAFETY: the set is initialised by sigemptyset before use; the calls only
        // change this thread's signal mask.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, libc::SIGINT);
            libc::sigaddset(&mut set, libc::SIGTERM);
            (libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) == 0)
                .then_some(StopSignals(set))
        }
    }

    /// Waits for Ctrl-C (or SIGTERM) in a thread of its own. Before the server runs
    /// (while a missing index is built) the process stops at once; afterwards `tx`
    /// tells the main thread to shut the server down.
    fn watch(self, serving: Arc<AtomicBool>, tx: mpsc::Sender<()>) {
        std::thread::spawn(move || {
            let mut signal = 0;
            // SAFETY: the set was initialised in `block`; sigwait writes `signal`.
            let rc = unsafe { libc::sigwait(&self.0, &mut signal) };
            if rc != 0 {
                return;
            }
            if !serving.load(Ordering::SeqCst) {
                output::note("stopped before the server started");
                std::process::exit(130);
            }
            let _ = tx.send(());
        });
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        output::note(&format!(
            "could not open a browser ({opener}); open {url} yourself"
        ));
    }
}

pub fn run(ctx: &Context, args: ServeArgs) -> Result<Outcome> {
    let serving = Arc::new(AtomicBool::new(false));
    let (tx, stop) = mpsc::channel();
    // Signals are blocked before any thread starts, so only the watcher receives them.
    let watching = match StopSignals::block() {
        Some(s) => {
            s.watch(Arc::clone(&serving), tx);
            true
        }
        None => false,
    };
    let (index, summary) = ctx.open_for_query()?;
    let state = State::new(index, summary)?;
    let threads = args.threads.unwrap_or(4).clamp(1, 64);
    let running = serve::start(state, &args.host, args.port, threads)
        .with_context(|| "starting the web server")?;
    serving.store(true, Ordering::SeqCst);
    let shared = !running.addr.ip().is_loopback();
    let url = if running.addr.ip().is_unspecified() {
        format!("http://127.0.0.1:{}/", running.addr.port())
    } else {
        format!("http://{}/", running.addr)
    };
    // The note about sharing goes out before the address, so that whoever reads
    // the address (a person or a script) has seen it already.
    if shared {
        output::note(&format!(
            "shared read-only on {}: anyone on this network can search the papers at this computer's address, port {}; nothing they do can change the index",
            running.addr,
            running.addr.port()
        ));
    }
    let mut printer = ctx.printer();
    printer.serving(&url, &running.addr.to_string(), shared)?;
    printer.flush()?;
    output::note("press Ctrl-C to stop");
    if args.open {
        open_browser(&url);
    }
    if watching {
        let _ = stop.recv();
    } else {
        // Without signal handling the default Ctrl-C ends the process; just wait.
        loop {
            std::thread::park();
        }
    }
    running.stop();
    output::note("stopped");
    Ok(Outcome::Found)
}

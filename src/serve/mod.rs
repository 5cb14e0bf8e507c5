//! `caucus serve`: a small read-only HTTP server over one opened index. Pages are
//! embedded HTML, CSS and JavaScript; the JSON API under `/api/` serializes the same
//! result structs as `--json`, from the same library calls the commands make.

mod api;
mod http;
mod paper;

use crate::index::state::Summary;
use crate::index::PaperIndex;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use tantivy::Searcher;

pub use paper::{PaperInfo, Papers};

/// Longest query the server accepts, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Largest `limit` the server accepts.
pub const MAX_LIMIT: usize = 1_000;

/// Everything a request reads: opened once, shared by every worker, never written.
pub struct State {
    pub index: PaperIndex,
    pub searcher: Searcher,
    pub summary: Summary,
    pub papers: Papers,
    /// Answers of the similarity endpoints (allies, blocs, compare), which read a
    /// whole committee each time; the index does not change while serving.
    pub(crate) answers: std::sync::Mutex<std::collections::BTreeMap<String, String>>,
}

impl State {
    pub fn new(mut index: PaperIndex, summary: Summary) -> Result<State, crate::index::IndexError> {
        // Nothing the server does writes to the index, not even the features cache.
        index.keeps_features = false;
        let searcher = index.searcher()?;
        let papers = Papers::load(&index.dir);
        Ok(State {
            index,
            searcher,
            summary,
            papers,
            answers: Default::default(),
        })
    }
}

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
}

/// A running server: its address and its worker threads.
pub struct Running {
    pub addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    workers: Vec<thread::JoinHandle<()>>,
}

impl Running {
    /// Stops accepting requests and waits for the workers to finish theirs.
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        for _ in &self.workers {
            self.server.unblock();
        }
        for w in self.workers {
            let _ = w.join();
        }
    }
}

/// Turns Nagle's algorithm off on the listening socket; Linux hands the setting on
/// to every accepted connection. Without it an answer written as headers then body
/// waits for the client's delayed ACK: 40 ms on every keep-alive request.
fn no_delay(listener: &std::net::TcpListener) {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let one: libc::c_int = 1;
        // SAFETY: a valid socket descriptor, and an option value of the size given.
        unsafe {
            libc::setsockopt(
                listener.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                (&one as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
}

/// Binds `host:port` (port 0: any free port) and starts `threads` workers.
pub fn start(state: State, host: &str, port: u16, threads: usize) -> Result<Running, ServeError> {
    let addr = format!("{host}:{port}");
    let bind_error = |reason: String| ServeError::Bind {
        addr: addr.clone(),
        reason,
    };
    let listener = std::net::TcpListener::bind(&addr).map_err(|e| bind_error(e.to_string()))?;
    no_delay(&listener);
    let server =
        tiny_http::Server::from_listener(listener, None).map_err(|e| bind_error(e.to_string()))?;
    let bound = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| bind_error("not an IP address".to_owned()))?;
    let server = Arc::new(server);
    let state = Arc::new(state);
    let stopping = Arc::new(AtomicBool::new(false));
    let workers = (0..threads.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            let state = Arc::clone(&state);
            let stopping = Arc::clone(&stopping);
            thread::spawn(move || loop {
                match server.recv() {
                    Ok(request) => http::handle(&state, request),
                    // A failed connection is that client's problem, not the server's.
                    Err(_) if !stopping.load(Ordering::SeqCst) => continue,
                    Err(_) => break,
                }
            })
        })
        .collect();
    Ok(Running {
        addr: bound,
        server,
        stopping,
        workers,
    })
}

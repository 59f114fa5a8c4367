//! How the node stops: promptly once its database is closed, and without reporting the
//! transaction pool's tasks as failed when they end because the node is stopping.
//!
//! `sc_cli::Runner::run_node_until_exit` waits, after the service is dropped, for every thread
//! of the async runtime's blocking pool, up to 60 s. Threads there that hold nothing of the node
//! (a DNS lookup of the price feed's host waiting for a resolver that does not answer) then
//! delay the exit by seconds after the database has been closed. [`run_node`] waits for the
//! database to be closed instead — the moment after which nothing of the chain can be lost —
//! and leaves such threads behind.

use futures::{future::BoxFuture, FutureExt};
use sc_service::{config::DatabaseSource, Configuration, SpawnEssentialTaskHandle, TaskManager};
use sp_core::traits::SpawnEssentialNamed;
use std::{
    path::PathBuf,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

/// The longest wait for the database to close after the service is dropped (as the runner's).
const DATABASE_CLOSE_TIMEOUT: Duration = Duration::from_secs(60);
/// How often the database's lock is tried while waiting for it to close.
const DATABASE_CLOSE_POLL: Duration = Duration::from_millis(5);

/// Spawns essential tasks that end quietly once the node is stopping.
///
/// An essential task that ends takes the node down and logs `Essential task … failed`. The
/// transaction pool's tasks end when the pool is dropped, which happens when the node stops, so
/// each stop logged that error. Spawned through this, a task that ends after
/// [`StopMarker`] was dropped just ends; before that, it still takes the node down.
#[derive(Clone)]
pub struct QuietAtStop {
    essential: SpawnEssentialTaskHandle,
    stopping: Arc<AtomicBool>,
}

/// Marks the node as stopping when dropped; kept alive by the task manager.
pub struct StopMarker {
    stopping: Arc<AtomicBool>,
}

impl Drop for StopMarker {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
    }
}

impl QuietAtStop {
    /// A spawner over `essential`, and the marker whose drop means the node is stopping.
    pub fn new(essential: SpawnEssentialTaskHandle) -> (Self, StopMarker) {
        let stopping = Arc::new(AtomicBool::new(false));
        (Self { essential, stopping: stopping.clone() }, StopMarker { stopping })
    }

    /// `task`, then — if the node is stopping — never completing, so the task manager's exit
    /// signal (already fired) ends it instead of the essential-task failure path.
    fn quiet(&self, task: BoxFuture<'static, ()>) -> BoxFuture<'static, ()> {
        let stopping = self.stopping.clone();
        async move {
            task.await;
            if stopping.load(Ordering::SeqCst) {
                futures::future::pending::<()>().await;
            }
        }
        .boxed()
    }
}

impl SpawnEssentialNamed for QuietAtStop {
    fn spawn_essential_blocking(
        &self,
        name: &'static str,
        group: Option<&'static str>,
        future: BoxFuture<'static, ()>,
    ) {
        self.essential.spawn_blocking(name, group, self.quiet(future));
    }

    fn spawn_essential(
        &self,
        name: &'static str,
        group: Option<&'static str>,
        future: BoxFuture<'static, ()>,
    ) {
        self.essential.spawn(name, group, self.quiet(future));
    }
}

/// The lock file parity-db holds while its database is open.
fn database_lock_file(database: &DatabaseSource) -> Option<PathBuf> {
    match database {
        DatabaseSource::ParityDb { path } => Some(path.join("lock")),
        DatabaseSource::Auto { paritydb_path, .. } => Some(paritydb_path.join("lock")),
        _ => None,
    }
}

/// Whether the database whose lock file is `lock_file` is closed: its lock can be taken.
fn database_closed(lock_file: &PathBuf) -> bool {
    match std::fs::File::open(lock_file) {
        Ok(file) => file.try_lock().is_ok(),
        Err(_) => true,
    }
}

/// Runs the node built by `start` until SIGINT/SIGTERM or an essential task's failure, then
/// stops it: drops the service, waits for the database to close and returns.
pub fn run_node<Cli: sc_cli::SubstrateCli>(
    cli: &Cli,
    command: &sc_cli::RunCmd,
    start: impl FnOnce(Configuration) -> Result<TaskManager, sc_service::Error>,
) -> sc_cli::Result<()> {
    let tokio_runtime = sc_cli::build_runtime()?;
    // Captured as early as possible, in the runtime's context (as the runner does).
    let signals = tokio_runtime.block_on(async { sc_cli::Signals::capture() })?;
    let config = sc_cli::CliConfiguration::create_configuration(
        command,
        cli,
        tokio_runtime.handle().clone(),
    )?;
    sc_cli::CliConfiguration::init(command, &Cli::support_url(), &Cli::impl_version(), |_| {})?;
    sc_cli::print_node_infos::<Cli>(&config);

    let lock_file = database_lock_file(&config.database);
    let mut task_manager = {
        let _guard = tokio_runtime.enter();
        start(config)?
    };
    let result = tokio_runtime.block_on(signals.run_until_signal(task_manager.future().fuse()));
    // Dropping the task manager tells every task to end; their ends drop the client, and the
    // last one closes the database.
    drop(task_manager);

    let started = Instant::now();
    let closed = match &lock_file {
        Some(lock_file) => loop {
            if database_closed(lock_file) {
                break true;
            }
            if started.elapsed() >= DATABASE_CLOSE_TIMEOUT {
                break false;
            }
            std::thread::sleep(DATABASE_CLOSE_POLL);
        },
        None => false,
    };
    if closed {
        log::debug!(target: "tfchain", "database closed {:?} after the stop", started.elapsed());
        tokio_runtime.shutdown_background();
    } else {
        tokio_runtime.shutdown_timeout(DATABASE_CLOSE_TIMEOUT.saturating_sub(started.elapsed()));
    }
    result.map_err(Into::into)
}

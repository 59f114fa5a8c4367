//! `tfchain benchmark`: the pallet and machine benchmarks (only with `--features runtime-benchmarks`).

use crate::{cli::Cli, service::HostFunctions};
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;
use sp_runtime::traits::HashingFor;
use tfchain_runtime::opaque::Block;

/// Runs a benchmark subcommand.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
    let runner = cli.create_runner(cmd)?;
    match cmd {
        BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
            cmd.run_with_spec::<HashingFor<Block>, HostFunctions>(Some(config.chain_spec))
        }),
        BenchmarkCmd::Machine(cmd) => {
            runner.sync_run(|config| cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()))
        },
        BenchmarkCmd::Storage(_) |
        BenchmarkCmd::Overhead(_) |
        BenchmarkCmd::Block(_) |
        BenchmarkCmd::Extrinsic(_) => Err(
            "tfchain supports `benchmark pallet` and `benchmark machine`; other benchmarks are not built in"
                .into(),
        ),
    }
}

//! The command line: `tfchain [subcommand] [flags]`.

use sc_cli::RunCmd;

/// The `tfchain` command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
    /// What to do; runs the node when absent.
    #[command(subcommand)]
    pub subcommand: Option<Subcommand>,

    /// Flags of the node itself.
    #[clap(flatten)]
    pub run: RunCmd,
}

/// The subcommands of `tfchain`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
    /// Key management: generate, inspect and insert keys, generate node keys.
    #[command(subcommand)]
    Key(sc_cli::KeySubcommand),

    /// Build a chain specification.
    BuildSpec(sc_cli::BuildSpecCmd),

    /// Validate blocks.
    CheckBlock(sc_cli::CheckBlockCmd),

    /// Export blocks.
    ExportBlocks(sc_cli::ExportBlocksCmd),

    /// Export the state of a given block into a chain spec.
    ExportState(sc_cli::ExportStateCmd),

    /// Import blocks.
    ImportBlocks(sc_cli::ImportBlocksCmd),

    /// Remove the whole chain.
    PurgeChain(sc_cli::PurgeChainCmd),

    /// Revert the chain to a previous state.
    Revert(sc_cli::RevertCmd),

    /// Print information about the database of the chain.
    ChainInfo(sc_cli::ChainInfoCmd),

    /// Re-execute blocks of the chain and compare each one's execution time with its weight.
    BlockWeights(crate::block_weights::BlockWeightsCmd),

    /// Benchmark the runtime's pallets and the node (built with `--features runtime-benchmarks`).
    #[cfg(feature = "runtime-benchmarks")]
    #[command(subcommand)]
    Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

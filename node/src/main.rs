//! `tfchain`: the ThreeFold Grid blockchain node.

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod block_weights;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;
mod stop;

fn main() -> sc_cli::Result<()> {
    command::run()
}
